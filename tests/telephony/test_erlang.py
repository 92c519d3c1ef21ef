"""Erlang C staffing against the published example and its textbook properties."""

from __future__ import annotations

import math

import pytest

from telephony.erlang import agents_needed, erlang_c, evaluate


def test_published_example_100_calls_per_half_hour() -> None:
    st = agents_needed(100 / 1800, 180, threshold=20, target=0.8)
    assert st.agents == 14
    assert st.traffic == pytest.approx(10.0)
    assert st.service_level == pytest.approx(0.88835, abs=5e-6)
    assert st.occupancy == pytest.approx(0.714, abs=5e-4)
    assert st.p_wait == pytest.approx(0.17413, abs=5e-6)
    # 13 agents would miss the target
    assert evaluate(13, 100 / 1800, 180, 20).service_level < 0.8


def test_more_agents_never_hurt() -> None:
    sls = [evaluate(n, 0.1, 240, 20).service_level for n in range(25, 40)]
    assert sls == sorted(sls)
    assert erlang_c(30, 24.0) > erlang_c(31, 24.0)


def test_overload_and_idle_edges() -> None:
    over = evaluate(5, 1 / 10, 60, 20)  # 6 erlangs on 5 agents
    assert over.p_wait == 1.0 and over.service_level == 0.0 and math.isinf(over.asa)
    idle = agents_needed(0.0, 180, 20, 0.8)
    assert idle.agents == 0 and idle.service_level == 1.0
    with pytest.raises(ValueError):
        agents_needed(0.1, 180, 20, 1.5)

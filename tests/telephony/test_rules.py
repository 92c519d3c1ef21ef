"""Rules files: the demo validates; broken files are refused with FILE:LINE: reason."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from telephony.rules import RulesError, load_rules, parse_hours, parse_rules

DEMO = Path(__file__).resolve().parents[2] / "resources" / "rules" / "demo.yaml"

GOOD = """\
version: 1
defaults: {ring_timeout: 10, wrap_up: 0, max_no_answer: 3}
queues:
  billing: {skill: billing, strategy: most_skilled}
  general: {}
rules:
  - name: billing menu
    when: {ivr.menu: "2"}
    steps:
      - {queue: billing, min_skill: 4, wait: 20}
      - {queue: general, wait: 30}
      - {callback: true}
fallback: {queue: general}
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(RulesError) as info:
        parse_rules(text, "r.yaml")
    return info.value.errors


def test_demo_rules_validate() -> None:
    rules = load_rules(DEMO)
    assert set(rules.queues) == {"vip", "billing", "tech", "sales", "general"}
    vip = rules.rules[0]
    assert vip.steps[0].last_agent and vip.steps[0].wait == 10
    billing = next(r for r in rules.rules if r.name == "billing menu")
    assert [s.min_skill for s in billing.steps[:2]] == [4, 1]
    assert billing.steps[-1].callback
    assert str(rules.timezone) == "Asia/Shanghai"


def test_good_rules_parse_with_defaults() -> None:
    rules = parse_rules(GOOD, "r.yaml")
    assert rules.defaults.ring_timeout == 10
    assert rules.defaults.wrap_up == 0
    assert rules.defaults.max_no_answer == 3
    assert rules.defaults.service_level.threshold == 20
    assert rules.queues["billing"].strategy == "most_skilled"
    assert rules.queues["general"].strategy == "longest_idle"
    assert rules.fallback.steps[0].queue == "general"
    assert str(rules.timezone) == "UTC"
    # a queue step on a skilled queue needs the skill at level 1 by default
    assert parse_rules(GOOD.replace("min_skill: 4, ", ""), "r").rules[0].steps[0].min_skill == 1


@pytest.mark.parametrize("rules", ["", "rules:\n", "rules: ~\n", "rules: []\n"])
def test_rules_are_optional_every_call_takes_the_fallback(rules: str) -> None:
    text = "version: 1\nqueues: {general: {}}\n" + rules + "fallback: {queue: general}\n"
    parsed = parse_rules(text, "r.yaml")
    assert not parsed.rules and parsed.fallback.steps[0].queue == "general"


def test_rules_that_are_not_a_list_are_refused() -> None:
    text = "version: 1\nqueues: {general: {}}\nrules: {a: 1}\nfallback: {queue: general}\n"
    with pytest.raises(RulesError, match=r"r.yaml:3: `rules` must be a list"):
        parse_rules(text, "r.yaml")


@pytest.mark.parametrize(
    ("broken", "line", "reason"),
    [
        (GOOD.replace("version: 1", "version: 2"), 1, "`version: 1` is required"),
        (GOOD.replace("most_skilled", "smartest"), 4, "unknown strategy 'smartest'"),
        (
            GOOD.replace("{queue: general, wait: 30}", "{queue: sales, wait: 30}"),
            11,
            "unknown queue 'sales'",
        ),
        (
            GOOD.replace("{queue: general, wait: 30}", "{queue: general}"),
            11,
            "only the last step may wait forever",
        ),
        (GOOD.replace("min_skill: 4", "min_skill: 9"), 10, "`min_skill` must be an integer 1..5"),
        (GOOD.replace('ivr.menu: "2"', "ivr.colour: red"), 8, "unknown `when` key `ivr.colour`"),
        (GOOD.replace('ivr.menu: "2"', "tier: diamond"), 8, "unknown tier 'diamond'"),
        (GOOD.replace('ivr.menu: "2"', "known: maybe"), 8, "`known` must be true or false"),
        (GOOD.replace('ivr.menu: "2"', 'hours: "mon-fri 9-18"'), 8, "are not like"),
        (GOOD.replace("fallback: {queue: general}\n", ""), 1, "`fallback` is required"),
        (GOOD + "timezone: Mars/Olympus\n", 14, "unknown timezone 'Mars/Olympus'"),
        (
            GOOD.replace(
                "      - {callback: true}\n", "      - {callback: true}\n      - {queue: general}\n"
            ),
            12,
            "a callback step must be the last step",
        ),
        (GOOD.replace("wait: 20}", "wait: -1}"), 10, "`wait` must be a number of seconds > 0"),
        (GOOD.replace("general: {}", "general: {}\n  billing: {}"), 6, "duplicate key 'billing'"),
        (GOOD.replace("steps:\n", "steps: [\n", 1), 10, ""),  # YAML syntax error
        (GOOD.replace("{callback: true}", "{queue: general, callback: true}"), 12, "exactly one"),
        (GOOD.replace("defaults: {", "defaults: {colour: red, "), 2, "unknown key `colour`"),
    ],
)
def test_broken_rules_report_file_line_reason(broken: str, line: int, reason: str) -> None:
    errs = errors_of(broken)
    assert any(e.startswith(f"r.yaml:{line}: ") and reason in e for e in errs), errs


def test_all_errors_are_reported_in_line_order() -> None:
    broken = GOOD.replace("most_skilled", "smartest").replace("min_skill: 4", "min_skill: 0")
    errs = errors_of(broken)
    assert [e.split(":")[1] for e in errs] == ["4", "10"]


def test_not_a_mapping_and_unreadable_file(tmp_path: Path) -> None:
    assert errors_of("- a\n- b\n") == ["r.yaml:1: the rules file must be a YAML mapping"]
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "missing.yaml")
    assert info.value.errors[0].startswith(f"{tmp_path / 'missing.yaml'}:1: cannot read")


def test_hours() -> None:
    h = parse_hours("mon-fri 09:00-18:00")
    monday_10 = dt.datetime(2026, 11, 23, 10, 0)
    assert h.matches(monday_10)
    assert not h.matches(monday_10.replace(hour=18))
    assert not h.matches(dt.datetime(2026, 11, 28, 10, 0))  # Saturday
    night = parse_hours("fri-sat 22:00-06:00")
    assert night.matches(dt.datetime(2026, 11, 27, 23, 0))  # Friday night
    assert night.matches(dt.datetime(2026, 11, 28, 5, 0))  # Saturday early = Friday's range
    assert not night.matches(dt.datetime(2026, 11, 27, 5, 0))  # Friday early = Thursday's
    assert parse_hours("sun,sat 10:00-12:00").days == frozenset({5, 6})
    assert parse_hours("daily 00:00-24:00").matches(dt.datetime(2026, 1, 1, 23, 59))
    with pytest.raises(ValueError):
        parse_hours("mon-fri 18:00-18:00")


def test_cli_check_and_refusal(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "agentdesk", "switchboard", "--rules", str(DEMO), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert "ok" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("most_skilled", "smartest"), encoding="utf-8")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "switchboard",
            "--rules",
            str(bad),
            "--store",
            f"sqlite:///{tmp_path / 'x.db'}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2
    assert (
        res.stderr.strip() == f"{bad}:4: unknown strategy 'smartest' (one of longest_idle, "
        "most_skilled, fewest_calls, least_talk_time, round_robin, random)"
    )
    assert not (tmp_path / "x.db").exists()  # refused before touching the store

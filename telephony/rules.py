"""Routing rules (CONTRACT section 5): YAML loading and validation with ``FILE:LINE: reason``.

``load_rules(path)`` returns a validated, immutable ``Rules`` or raises ``RulesError`` whose
``errors`` are ``FILE:LINE: reason`` lines (every problem found, in file order). Line numbers
come from PyYAML's node marks. ``parse_rules(text, name)`` does the same for a string.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

STRATEGIES: Final = (
    "longest_idle",
    "most_skilled",
    "fewest_calls",
    "least_talk_time",
    "round_robin",
    "random",
)
LIFECYCLES: Final = ("prospect", "new", "established", "expanding")
IVR_RESULTS: Final = ("ok", "timeout", "invalid", "agent_requested")
WHEN_KEYS: Final = (
    "tier",
    "lifecycle",
    "language",
    "dnis",
    "known",
    "open_issue",
    "ivr.menu",
    "ivr.intent",
    "ivr.result",
    "ivr.verified",
    "hours",
)
_BOOL_KEYS: Final = frozenset({"known", "open_issue", "ivr.verified"})
_DAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class RulesError(Exception):
    """A rules file that does not validate; ``errors`` are ``FILE:LINE: reason`` lines."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


# --- the validated model -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hours:
    """``"mon-fri 09:00-18:00"``: days of week (0 = Monday) and minutes since midnight."""

    text: str
    days: frozenset[int]
    start: int
    end: int

    def matches(self, local: dt.datetime) -> bool:
        minute = local.hour * 60 + local.minute
        if self.start < self.end:
            return local.weekday() in self.days and self.start <= minute < self.end
        # over midnight: the part after midnight belongs to the previous day's range
        if minute >= self.start:
            return local.weekday() in self.days
        if minute < self.end:
            return (local.weekday() - 1) % 7 in self.days
        return False


@dataclass(frozen=True, slots=True)
class Step:
    queue: str | None = None
    wait: float | None = None
    priority: int = 0
    min_skill: int = 0
    last_agent: bool = False
    callback: bool = False
    #: internal (transfers): a specific agent
    agent: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    when: dict[str, tuple[Any, ...]]
    steps: tuple[Step, ...]
    line: int = 0
    hours: tuple[Hours, ...] = ()

    @property
    def first_queue(self) -> str | None:
        for s in self.steps:
            if s.queue is not None:
                return s.queue
        return None


@dataclass(frozen=True, slots=True)
class QueueSpec:
    queue_id: str
    skill: str | None = None
    strategy: str = "longest_idle"


@dataclass(frozen=True, slots=True)
class ServiceLevel:
    threshold: float = 20.0
    target: float = 0.8
    short_abandon: float = 5.0


@dataclass(frozen=True, slots=True)
class Defaults:
    ring_timeout: float = 15.0
    wrap_up: float = 30.0
    max_no_answer: int = 2
    service_level: ServiceLevel = field(default_factory=ServiceLevel)


@dataclass(frozen=True, slots=True)
class Rules:
    defaults: Defaults
    tiers: tuple[str, ...]
    queues: dict[str, QueueSpec]
    rules: tuple[Rule, ...]
    fallback: Rule
    timezone: ZoneInfo
    source: str = "<rules>"


# --- YAML with line numbers ----------------------------------------------------------------------


class _LDict(dict[Any, Any]):
    line: int = 0
    key_lines: dict[Any, int]


class _LList(list[Any]):
    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LDict:
    loader.flatten_mapping(node)
    d = _LDict()
    d.line = node.start_mark.line + 1
    d.key_lines = {}
    dups: list[tuple[Any, Any]] = []
    for k_node, v_node in node.value:
        k = loader.construct_object(k_node, deep=True)
        if not isinstance(k, str | int | float | bool) and k is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a scalar", k_node.start_mark
            )
        if k in d:
            dups.append((k, k_node.start_mark))
        d[k] = loader.construct_object(v_node, deep=True)
        d.key_lines[k] = k_node.start_mark.line + 1
    if dups:
        k, mark = dups[0]
        raise yaml.constructor.ConstructorError(None, None, f"duplicate key {k!r}", mark)
    return d


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _LList:
    lst = _LList(loader.construct_object(n, deep=True) for n in node.value)
    lst.line = node.start_mark.line + 1
    lst.item_lines = [n.start_mark.line + 1 for n in node.value]
    return lst


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# --- validation ----------------------------------------------------------------------------------

_HOURS_RE = re.compile(
    r"^\s*(?P<days>[a-z,\-*]+|daily)\s+(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*-\s*(?P<h2>\d{1,2}):(?P<m2>\d{2})\s*$"
)


def parse_hours(text: str) -> Hours:
    """``"mon-fri 09:00-18:00"``, ``"sat,sun 10:00-14:00"``, ``"daily 22:00-06:00"``."""
    m = _HOURS_RE.match(text.strip().lower())
    if not m:
        raise ValueError(f"hours {text!r} are not like 'mon-fri 09:00-18:00'")
    days: set[int] = set()
    spec = m.group("days")
    if spec in ("daily", "*"):
        days = set(range(7))
    else:
        for part in spec.split(","):
            if "-" in part:
                a, _, b = part.partition("-")
                if a not in _DAYS or b not in _DAYS:
                    raise ValueError(f"unknown day in {text!r} (use mon..sun)")
                i, j = _DAYS.index(a), _DAYS.index(b)
                k = i
                while True:
                    days.add(k)
                    if k == j:
                        break
                    k = (k + 1) % 7
            elif part in _DAYS:
                days.add(_DAYS.index(part))
            else:
                raise ValueError(f"unknown day {part!r} in {text!r} (use mon..sun)")
    h1, m1, h2, m2 = (int(m.group(x)) for x in ("h1", "m1", "h2", "m2"))
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2 != 0):
        raise ValueError(f"bad time in {text!r}")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == end:
        raise ValueError(f"empty time range in {text!r}")
    return Hours(text, frozenset(days), start, end)


class _V:
    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[tuple[int, str]] = []

    def err(self, line: int, msg: str) -> None:
        self.errors.append((line, msg))


def _line(d: Any, key: Any = None) -> int:
    if isinstance(d, _LDict):
        if key is not None and key in d.key_lines:
            return d.key_lines[key]
        return d.line
    if isinstance(d, _LList):
        return d.line
    return 1


def _num(v: _V, d: _LDict, key: str, default: float, *, minimum: float = 0) -> float:
    if key not in d:
        return default
    x = d[key]
    if isinstance(x, bool) or not isinstance(x, int | float) or x < minimum:
        v.err(_line(d, key), f"`{key}` must be a number >= {minimum}")
        return default
    return float(x)


def _check_keys(v: _V, d: _LDict, allowed: tuple[str, ...], what: str) -> None:
    for k in d:
        if k not in allowed:
            v.err(_line(d, k), f"unknown key `{k}` in {what} (allowed: {', '.join(allowed)})")


def _step(
    v: _V, raw: Any, line: int, queues: dict[str, QueueSpec], *, where: str, last: bool
) -> Step | None:
    if not isinstance(raw, _LDict):
        v.err(line, f"{where} must be a mapping like {{queue: general}}")
        return None
    _check_keys(v, raw, ("queue", "wait", "priority", "min_skill", "last_agent", "callback"), where)
    kinds = [k for k in ("queue", "last_agent", "callback") if k in raw]
    if len(kinds) != 1:
        v.err(raw.line, f"{where} needs exactly one of queue, last_agent: true, callback: true")
        return None
    kind = kinds[0]
    ok = True
    queue = None
    if kind == "queue":
        queue = raw["queue"]
        if not isinstance(queue, str) or queue not in queues:
            v.err(_line(raw, "queue"), f"unknown queue {queue!r} (define it under `queues`)")
            ok = False
    elif raw[kind] is not True:
        v.err(_line(raw, kind), f"`{kind}` must be true")
        ok = False
    wait: float | None = None
    if "wait" in raw:
        w = raw["wait"]
        if isinstance(w, bool) or not isinstance(w, int | float) or w <= 0:
            v.err(_line(raw, "wait"), "`wait` must be a number of seconds > 0")
            ok = False
        else:
            wait = float(w)
    priority = 0
    if "priority" in raw:
        p = raw["priority"]
        if isinstance(p, bool) or not isinstance(p, int):
            v.err(_line(raw, "priority"), "`priority` must be an integer")
            ok = False
        else:
            priority = p
    min_skill = 0
    if kind == "queue" and ok:
        assert isinstance(queue, str)
        has_skill = queues[queue].skill is not None
        min_skill = 1 if has_skill else 0
        if "min_skill" in raw:
            m = raw["min_skill"]
            if not has_skill:
                v.err(_line(raw, "min_skill"), f"queue {queue!r} has no skill for `min_skill`")
                ok = False
            elif isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 5:
                v.err(_line(raw, "min_skill"), "`min_skill` must be an integer 1..5")
                ok = False
            else:
                min_skill = m
    elif "min_skill" in raw:
        v.err(_line(raw, "min_skill"), "`min_skill` only applies to a queue step")
        ok = False
    if kind == "callback":
        for k in ("wait", "priority"):
            if k in raw:
                v.err(_line(raw, k), f"a callback step takes no `{k}`")
                ok = False
    elif wait is None and not last:
        v.err(raw.line, f"{where} has no `wait`: only the last step may wait forever")
        ok = False
    if not ok:
        return None
    return Step(
        queue=queue,
        wait=wait,
        priority=priority,
        min_skill=min_skill,
        last_agent=kind == "last_agent",
        callback=kind == "callback",
        line=raw.line,
    )


def _when(v: _V, raw: Any, line: int, tiers: tuple[str, ...]) -> tuple[dict[str, Any], list[Hours]]:
    out: dict[str, tuple[Any, ...]] = {}
    hours: list[Hours] = []
    if raw is None:
        return out, hours
    if not isinstance(raw, _LDict):
        v.err(line, "`when` must be a mapping")
        return out, hours
    for key, value in raw.items():
        kl = _line(raw, key)
        if key not in WHEN_KEYS:
            v.err(kl, f"unknown `when` key `{key}` (allowed: {', '.join(WHEN_KEYS)})")
            continue
        values = list(value) if isinstance(value, list) else [value]
        if not values:
            v.err(kl, f"`{key}` lists no values")
            continue
        good: list[Any] = []
        for x in values:
            if key in _BOOL_KEYS:
                if not isinstance(x, bool):
                    v.err(kl, f"`{key}` must be true or false")
                    continue
                good.append(x)
            elif key == "hours":
                if not isinstance(x, str):
                    v.err(kl, "`hours` must be a string like 'mon-fri 09:00-18:00'")
                    continue
                try:
                    hours.append(parse_hours(x))
                except ValueError as exc:
                    v.err(kl, str(exc))
                    continue
                good.append(x)
            else:
                if isinstance(x, bool) or not isinstance(x, str | int | float) or x is None:
                    v.err(kl, f"`{key}` values must be strings")
                    continue
                s = str(x)
                if key == "tier" and s not in tiers:
                    v.err(kl, f"unknown tier {s!r} (tiers: {', '.join(tiers)})")
                    continue
                if key == "lifecycle" and s not in LIFECYCLES:
                    v.err(kl, f"unknown lifecycle {s!r} (one of {', '.join(LIFECYCLES)})")
                    continue
                if key == "ivr.result" and s not in IVR_RESULTS:
                    v.err(kl, f"unknown ivr.result {s!r} (one of {', '.join(IVR_RESULTS)})")
                    continue
                good.append(s)
        out[key] = tuple(good)
    return out, hours


def validate(doc: Any, source: str) -> Rules:
    v = _V(source)
    if not isinstance(doc, _LDict):
        raise RulesError([f"{source}:1: the rules file must be a YAML mapping"])
    _check_keys(
        v, doc, ("version", "defaults", "tiers", "queues", "rules", "fallback", "timezone"), "file"
    )
    if doc.get("version") != 1:
        v.err(_line(doc, "version"), "`version: 1` is required")

    # defaults
    defaults = Defaults()
    raw_d = doc.get("defaults")
    if raw_d is not None:
        if not isinstance(raw_d, _LDict):
            v.err(_line(doc, "defaults"), "`defaults` must be a mapping")
        else:
            _check_keys(
                v, raw_d, ("ring_timeout", "wrap_up", "max_no_answer", "service_level"), "defaults"
            )
            ring = _num(v, raw_d, "ring_timeout", 15.0, minimum=1)
            wrap = _num(v, raw_d, "wrap_up", 30.0)
            mna = raw_d.get("max_no_answer", 2)
            if isinstance(mna, bool) or not isinstance(mna, int) or mna < 1:
                v.err(_line(raw_d, "max_no_answer"), "`max_no_answer` must be an integer >= 1")
                mna = 2
            sl = ServiceLevel()
            raw_sl = raw_d.get("service_level")
            if raw_sl is not None:
                if not isinstance(raw_sl, _LDict):
                    v.err(_line(raw_d, "service_level"), "`service_level` must be a mapping")
                else:
                    _check_keys(
                        v, raw_sl, ("threshold", "target", "short_abandon"), "service_level"
                    )
                    tgt = _num(v, raw_sl, "target", 0.8)
                    if tgt > 1:
                        v.err(_line(raw_sl, "target"), "`target` is a fraction 0..1")
                    sl = ServiceLevel(
                        _num(v, raw_sl, "threshold", 20.0),
                        tgt,
                        _num(v, raw_sl, "short_abandon", 5.0),
                    )
            defaults = Defaults(ring, wrap, mna, sl)

    # tiers
    tiers: tuple[str, ...] = ("platinum", "gold", "silver", "standard")
    if "tiers" in doc:
        t = doc["tiers"]
        if not isinstance(t, list) or not t or not all(isinstance(x, str) for x in t):
            v.err(_line(doc, "tiers"), "`tiers` must be a non-empty list of names")
        else:
            tiers = tuple(t)

    # queues
    queues: dict[str, QueueSpec] = {}
    raw_q = doc.get("queues")
    if not isinstance(raw_q, _LDict) or not raw_q:
        v.err(_line(doc, "queues"), "`queues` must map queue names to {skill, strategy}")
    else:
        for name, spec in raw_q.items():
            ql = _line(raw_q, name)
            if not isinstance(name, str) or not name or "/" in name:
                v.err(ql, f"bad queue name {name!r} (a string without '/')")
                continue
            if spec is None:
                spec = _LDict()
                spec.line, spec.key_lines = ql, {}
            if not isinstance(spec, _LDict):
                v.err(ql, f"queue {name!r} must be a mapping like {{skill: billing}}")
                continue
            _check_keys(v, spec, ("skill", "strategy"), f"queue {name!r}")
            skill = spec.get("skill")
            if skill is not None and (not isinstance(skill, str) or not skill):
                v.err(_line(spec, "skill"), "`skill` must be a skill name")
                skill = None
            strategy = spec.get("strategy", "longest_idle")
            if strategy not in STRATEGIES:
                v.err(
                    _line(spec, "strategy"),
                    f"unknown strategy {strategy!r} (one of {', '.join(STRATEGIES)})",
                )
                strategy = "longest_idle"
            queues[name] = QueueSpec(name, skill, strategy)

    # rules
    rules: list[Rule] = []
    raw_r = doc.get("rules")
    if raw_r is None:  # no rules (or `rules: ~`): every call takes the fallback
        raw_r = _LList()
        raw_r.item_lines = []
    elif not isinstance(raw_r, _LList):
        v.err(_line(doc, "rules"), "`rules` must be a list")
        raw_r = _LList()
        raw_r.item_lines = []
    names: set[str] = set()
    for i, r in enumerate(raw_r):
        rl = raw_r.item_lines[i]
        if not isinstance(r, _LDict):
            v.err(rl, "a rule must be a mapping with name, when, steps")
            continue
        _check_keys(v, r, ("name", "when", "steps"), "rule")
        name = r.get("name")
        if not isinstance(name, str) or not name.strip():
            v.err(r.line, "a rule needs a `name`")
            name = f"rule {i + 1}"
        elif name in names:
            v.err(_line(r, "name"), f"duplicate rule name {name!r}")
        names.add(name)
        when, hours = _when(v, r.get("when"), _line(r, "when"), tiers)
        raw_steps = r.get("steps")
        if not isinstance(raw_steps, _LList) or not raw_steps:
            v.err(_line(r, "steps"), f"rule {name!r} needs a non-empty list of `steps`")
            continue
        steps: list[Step] = []
        bad = False
        for j, s in enumerate(raw_steps):
            st = _step(
                v,
                s,
                raw_steps.item_lines[j],
                queues,
                where=f"step {j + 1} of rule {name!r}",
                last=j == len(raw_steps) - 1,
            )
            if st is None:
                bad = True
                continue
            if st.callback and j != len(raw_steps) - 1:
                v.err(st.line, "a callback step must be the last step")
                bad = True
            steps.append(st)
        if bad:
            continue
        # a rule without a queue step (e.g. callback only) is allowed: its calls take the
        # fallback step's queue (telephony/__init__.py)
        rules.append(Rule(name, when, tuple(steps), r.line, tuple(hours)))

    # fallback
    fallback = Rule("fallback", {}, (Step(queue=next(iter(queues), None)),))
    if "fallback" not in doc:
        v.err(doc.line, "`fallback` is required (the step for calls no rule matches)")
    else:
        st = _step(v, doc["fallback"], _line(doc, "fallback"), queues, where="fallback", last=True)
        if st is not None:
            if st.queue is None:
                v.err(_line(doc, "fallback"), "`fallback` must be a queue step")
            else:
                fallback = Rule("fallback", {}, (st,), _line(doc, "fallback"))

    # timezone
    tz = ZoneInfo("UTC")
    if "timezone" in doc:
        name = doc["timezone"]
        try:
            if not isinstance(name, str):
                raise ValueError
            tz = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            v.err(_line(doc, "timezone"), f"unknown timezone {name!r}")

    if v.errors:
        ordered = sorted(v.errors, key=lambda e: e[0])
        raise RulesError([f"{source}:{line}: {msg}" for line, msg in ordered])
    return Rules(defaults, tiers, queues, tuple(rules), fallback, tz, source)


def parse_rules(text: str, source: str = "<rules>") -> Rules:
    try:
        doc = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise RulesError([f"{source}:{line}: {exc.problem or exc.context}"]) from None
    except yaml.YAMLError as exc:
        raise RulesError([f"{source}:1: {exc}"]) from None
    return validate(doc, source)


def load_rules(path: str | Path) -> Rules:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError([f"{p}:1: cannot read the rules file ({exc})"]) from None
    return parse_rules(text, str(p))

"""Bus records (CONTRACT section 3) and the event envelope (section 2), as msgspec Structs.

``Agent`` and ``Call`` are the bare records carried in event ``data`` and in replies; their field
names are the contract. ``Envelope`` wraps one published event. JSON goes through msgspec:
``encode(obj) -> bytes`` and the ``decode_*`` helpers; ``to_dict`` gives plain builtins (for
Qt signals, the event log, tests).
"""

from __future__ import annotations

from typing import Any, Final

import msgspec

AGENT_STATES: Final = ("logged_out", "ready", "not_ready", "reserved", "on_call", "wrap_up")
CALL_STATES: Final = ("queued", "offered", "connected", "held", "ended", "abandoned", "callback")
#: Calls in these states are finished: never in a snapshot, never routed again.
FINAL_CALL_STATES: Final = frozenset({"ended", "abandoned"})
#: Calls in these states wait in a queue (``waiting`` of a snapshot's queue).
WAITING_CALL_STATES: Final = frozenset({"queued", "offered"})

EVENT_TYPES: Final = (
    "agent.state",
    "call.queued",
    "call.offered",
    "call.revoked",
    "call.connected",
    "call.held",
    "call.resumed",
    "call.transferred",
    "call.ended",
    "call.abandoned",
    "call.callback",
    "sys.heartbeat",
)
REVOKE_REASONS: Final = ("ring_timeout", "rejected", "caller_hangup")


class Agent(msgspec.Struct, kw_only=True):
    """An agent as the switchboard sees it (CONTRACT 3)."""

    agent_id: str
    name: str = ""
    state: str = "logged_out"
    reason: str | None = None
    since: float = 0.0
    queues: list[str] = msgspec.field(default_factory=list)
    skills: dict[str, int] = msgspec.field(default_factory=dict)
    call_id: str | None = None
    handled: int = 0
    version: int = 0


class Route(msgspec.Struct, kw_only=True):
    """Which rule and step placed a call, and why, in one human sentence."""

    rule: str = ""
    step: int = 0
    reason: str = ""


class Call(msgspec.Struct, kw_only=True):
    """A call as the switchboard sees it (CONTRACT 3)."""

    call_id: str
    ani: str = ""
    dnis: str | None = None
    customer_id: str | None = None
    tier: str | None = None
    language: str | None = None
    queue: str | None = None
    priority: int = 0
    state: str = "queued"
    agent_id: str | None = None
    arrived_at: float = 0.0
    queued_at: float | None = None
    offered_at: float | None = None
    answered_at: float | None = None
    ended_at: float | None = None
    ivr: dict[str, Any] = msgspec.field(default_factory=dict)
    route: Route = msgspec.field(default_factory=Route)
    version: int = 0


class Envelope(msgspec.Struct, kw_only=True):
    """One published event (the second frame after the topic)."""

    v: int = 1
    type: str
    epoch: str
    seq: int
    ts: float
    data: Any = None


class RawEnvelope(msgspec.Struct, kw_only=True):
    """An envelope whose ``data`` is left undecoded (decoded later by ``type``)."""

    v: int = 1
    type: str
    epoch: str
    seq: int
    ts: float
    data: msgspec.Raw = msgspec.Raw(b"null")


_encoder = msgspec.json.Encoder()
_agent_decoder = msgspec.json.Decoder(Agent)
_call_decoder = msgspec.json.Decoder(Call)
_envelope_decoder = msgspec.json.Decoder(RawEnvelope)


def encode(obj: Any) -> bytes:
    """Compact UTF-8 JSON for a record, an envelope or any builtin value."""
    return _encoder.encode(obj)


def decode_agent(data: bytes | msgspec.Raw) -> Agent:
    return _agent_decoder.decode(data)


def decode_call(data: bytes | msgspec.Raw) -> Call:
    return _call_decoder.decode(data)


def decode_envelope(frame: bytes) -> RawEnvelope:
    """Decode an event frame; ``data`` stays raw (raises msgspec errors)."""
    return _envelope_decoder.decode(frame)


def agent_from_dict(d: dict[str, Any]) -> Agent:
    return msgspec.convert(d, Agent)


def call_from_dict(d: dict[str, Any]) -> Call:
    return msgspec.convert(d, Call)


def to_dict(record: Any) -> Any:
    """Plain builtins (dicts, lists, str, numbers) for a record or a structure of records."""
    return msgspec.to_builtins(record)


def record_of(type_: str, data: bytes | msgspec.Raw) -> Agent | Call | dict[str, Any]:
    """Decode an event's ``data`` according to its ``type`` (Agent, Call, or a plain dict)."""
    if type_ == "agent.state":
        return _agent_decoder.decode(data)
    if type_.startswith("call."):
        return _call_decoder.decode(data)
    result: dict[str, Any] = msgspec.json.decode(data)
    return result

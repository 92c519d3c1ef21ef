"""The bus protocol (CONTRACT section 2 and 4): topics, error codes, request parsing.

``parse_request(frame)`` turns one command frame into a ``Request`` (with its arguments checked
and typed as a msgspec Struct per command) or raises ``ProtocolError`` carrying the error code and
the request id when it could be read. ``reply_ok`` / ``reply_error`` build the reply frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Union

import msgspec

PROTOCOL_VERSION: Final = 1
MAX_FRAME: Final = 64 * 1024

# Error codes (CONTRACT 2).
BAD_REQUEST: Final = "bad_request"
UNKNOWN_COMMAND: Final = "unknown_command"
UNKNOWN_AGENT: Final = "unknown_agent"
UNKNOWN_CALL: Final = "unknown_call"
INVALID_STATE: Final = "invalid_state"
NOT_ALLOWED: Final = "not_allowed"
#: Not a switchboard code: the client's own code for a request that got no reply in time.
TIMEOUT: Final = "timeout"
ERROR_CODES: Final = (
    BAD_REQUEST,
    UNKNOWN_COMMAND,
    UNKNOWN_AGENT,
    UNKNOWN_CALL,
    INVALID_STATE,
    NOT_ALLOWED,
)

SYS_TOPIC: Final = "sys/"


def desk_topic(agent_id: str) -> str:
    """Everything one agent's desktop needs."""
    return f"desk/{agent_id}/"


def agent_topic(agent_id: str) -> str:
    return f"agent/{agent_id}/"


def call_topic(queue_id: str) -> str:
    return f"call/{queue_id}/"


class ProtocolError(Exception):
    """A refused request: ``code`` is one of ERROR_CODES; ``request_id`` is echoed in the reply."""

    def __init__(self, code: str, message: str, request_id: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.request_id = request_id


# --- command arguments -------------------------------------------------------------------------


class Args(msgspec.Struct, kw_only=True):
    """Base of every command's arguments (unknown fields are ignored)."""


class IvrInfo(msgspec.Struct, kw_only=True):
    menu: str | None = None
    intent: str | None = None
    result: str | None = None
    verified: bool | None = None
    data: dict[str, Any] = msgspec.field(default_factory=dict)


class IvrCallArgs(Args):
    ani: str
    dnis: str | None = None
    language: str | None = None
    customer_id: str | None = None
    external_id: str | None = None
    ivr: dict[str, Any] = msgspec.field(default_factory=dict)


class CallIdArgs(Args):
    call_id: str


class AgentIdArgs(Args):
    agent_id: str


class LoginArgs(Args):
    agent_id: str
    name: str | None = None
    queues: list[str] | None = None
    skills: dict[str, int] | None = None


class AgentStateArgs(Args):
    agent_id: str
    state: str
    reason: str | None = None


class AgentCallArgs(Args):
    agent_id: str
    call_id: str


class TransferArgs(Args):
    agent_id: str
    call_id: str
    queue: str | None = None
    to_agent: str | None = None


class WrapupArgs(Args):
    agent_id: str
    call_id: str
    disposition: str
    notes: str | None = None
    next_state: str = "ready"


class SupervisorStateArgs(Args):
    supervisor_id: str
    agent_id: str
    state: str
    reason: str | None = None


class SnapshotArgs(Args):
    scope: str = "all"


class NoArgs(Args):
    pass


COMMANDS: Final[dict[str, type[Args]]] = {
    "ivr.call": IvrCallArgs,
    "ivr.hangup": CallIdArgs,
    "agent.login": LoginArgs,
    "agent.logout": AgentIdArgs,
    "agent.state": AgentStateArgs,
    "call.answer": AgentCallArgs,
    "call.reject": AgentCallArgs,
    "call.hold": AgentCallArgs,
    "call.resume": AgentCallArgs,
    "call.transfer": TransferArgs,
    "call.hangup": AgentCallArgs,
    "call.wrapup": WrapupArgs,
    "supervisor.agent_state": SupervisorStateArgs,
    "snapshot": SnapshotArgs,
    "ping": NoArgs,
}

_IVR_RESULTS: Final = frozenset({"ok", "timeout", "invalid", "agent_requested"})


@dataclass(slots=True)
class Request:
    id: str | int
    cmd: str
    args: Any  # the command's Args subclass


_json_decoder = msgspec.json.Decoder()


def _check_semantics(cmd: str, args: Any, rid: Any) -> None:
    """Checks that a type alone cannot express (enumerations, required combinations)."""

    def bad(msg: str) -> ProtocolError:
        return ProtocolError(BAD_REQUEST, msg, rid)

    if isinstance(args, IvrCallArgs):
        if not args.ani.strip():
            raise bad("`ani` must not be empty")
        ivr = args.ivr
        try:
            info = msgspec.convert(ivr, IvrInfo)
        except msgspec.ValidationError as exc:
            raise bad(f"bad `ivr`: {exc}") from None
        if info.result is not None and info.result not in _IVR_RESULTS:
            raise bad("`ivr.result` must be one of ok, timeout, invalid, agent_requested")
    elif isinstance(args, AgentStateArgs):
        if args.state not in ("ready", "not_ready"):
            raise bad("`state` must be ready or not_ready")
    elif isinstance(args, SupervisorStateArgs):
        if args.state not in ("ready", "not_ready", "logged_out"):
            raise bad("`state` must be ready, not_ready or logged_out")
        if args.state == "not_ready" and not args.reason:
            raise bad("`reason` is required for not_ready")
    elif isinstance(args, TransferArgs):
        if (args.queue is None) == (args.to_agent is None):
            raise bad("give exactly one of `queue` or `to_agent`")
    elif isinstance(args, WrapupArgs):
        if args.next_state not in ("ready", "not_ready"):
            raise bad("`next_state` must be ready or not_ready")
    elif isinstance(args, LoginArgs):
        # the id is a topic part (`desk/<agent_id>/`): a `/` in it would let `desk/A1/`
        # subscribers receive agent `A1/x`'s events
        if not args.agent_id or "/" in args.agent_id:
            raise bad("`agent_id` must be non-empty and hold no `/`")
        if args.skills is not None:
            for k, lvl in args.skills.items():
                if not 1 <= lvl <= 5:
                    raise bad(f"skill {k!r} level must be 1..5")
    elif isinstance(args, SnapshotArgs) and not (
        args.scope == "all" or (args.scope.startswith("agent:") and len(args.scope) > 6)
    ):
        raise bad("`scope` must be all or agent:<id>")


def parse_request(frame: bytes) -> Request:
    """Parse and validate one command frame. Raises ``ProtocolError``."""
    if len(frame) > MAX_FRAME:
        rid = None
        if len(frame) <= 16 * MAX_FRAME:  # cheap enough to read the id to echo
            try:
                big = _json_decoder.decode(frame)
                if isinstance(big, dict) and isinstance(big.get("id"), str | int):
                    rid = big["id"]
            except (msgspec.DecodeError, UnicodeDecodeError):
                pass
        raise ProtocolError(BAD_REQUEST, f"frame over {MAX_FRAME} bytes", rid)
    try:
        obj = _json_decoder.decode(frame)
    except (msgspec.DecodeError, UnicodeDecodeError):
        raise ProtocolError(BAD_REQUEST, "not UTF-8 JSON") from None
    if not isinstance(obj, dict):
        raise ProtocolError(BAD_REQUEST, "a request must be a JSON object")
    rid = obj.get("id")
    if not isinstance(rid, str | int) or isinstance(rid, bool):
        rid = None
    if "id" not in obj or rid is None:
        raise ProtocolError(BAD_REQUEST, "missing or mistyped `id` (a string)", rid)
    v = obj.get("v")
    if "v" not in obj:
        raise ProtocolError(BAD_REQUEST, "missing `v`", rid)
    if v != PROTOCOL_VERSION or isinstance(v, bool):
        raise ProtocolError(BAD_REQUEST, f"unsupported protocol version {v!r}", rid)
    cmd = obj.get("cmd")
    if not isinstance(cmd, str):
        raise ProtocolError(BAD_REQUEST, "missing or mistyped `cmd` (a string)", rid)
    spec = COMMANDS.get(cmd)
    if spec is None:
        raise ProtocolError(UNKNOWN_COMMAND, f"unknown command {cmd!r}", rid)
    try:
        args = msgspec.convert(obj, spec)
    except msgspec.ValidationError as exc:
        raise ProtocolError(BAD_REQUEST, str(exc), rid) from None
    _check_semantics(cmd, args, rid)
    return Request(id=rid, cmd=cmd, args=args)


def _fast_types() -> Any:
    """Per command, a subclass of its arguments tagged by ``cmd`` with ``v`` and ``id``: one
    typed decode of a well-formed request (anything else goes the checked way)."""
    types = []
    for name, spec in COMMANDS.items():
        types.append(
            msgspec.defstruct(
                f"_Request_{name.replace('.', '_')}",
                [("v", int), ("id", str | int)],
                bases=(spec,),
                tag_field="cmd",
                tag=name,
                kw_only=True,
            )
        )
    return msgspec.json.Decoder(Union[tuple(types)])  # noqa: UP007 - a runtime union of types


_fast_decoder = _fast_types()


def parse_request_fast(frame: bytes) -> Request:
    """``parse_request`` for the common case: a well-formed request is decoded straight into its
    arguments in one pass; any frame that does not decode that way is parsed by
    ``parse_request``, which gives the precise error (same result, same errors)."""
    if len(frame) <= MAX_FRAME:
        try:
            args = _fast_decoder.decode(frame)
        except (msgspec.DecodeError, msgspec.ValidationError, UnicodeDecodeError):
            pass
        else:
            if args.v == PROTOCOL_VERSION:
                cmd: str = args.__struct_config__.tag
                _check_semantics(cmd, args, args.id)
                return Request(id=args.id, cmd=cmd, args=args)
    return parse_request(frame)


_encoder = msgspec.json.Encoder()


def reply_ok(request_id: Any, result: Any) -> bytes:
    return _encoder.encode({"v": PROTOCOL_VERSION, "id": request_id, "ok": True, "result": result})


def reply_error(request_id: Any, code: str, message: str) -> bytes:
    return _encoder.encode(
        {
            "v": PROTOCOL_VERSION,
            "id": request_id,
            "ok": False,
            "error": {"code": code, "message": message},
        }
    )


def make_request(request_id: str, cmd: str, args: dict[str, Any] | None = None) -> bytes:
    body: dict[str, Any] = {"v": PROTOCOL_VERSION, "id": request_id, "cmd": cmd}
    if args:
        body.update(args)
    return _encoder.encode(body)

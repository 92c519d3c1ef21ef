"""The secured bus (CONTRACT section 2, error ``not_allowed``): ZeroMQ CURVE with a ZAP handler.

In secured mode the switchboard's two sockets are CURVE servers: every client proves a key pair
in the handshake, and the ZAP handler (pyzmq's ``zmq.auth``, in a thread of the switchboard)
admits only the public keys listed in the **keys file**; an unknown key is refused at the
handshake (no command reaches the switchboard, no event reaches the subscriber). Each command
then carries its client's key as the frame's ``User-Id`` metadata, and the switchboard checks it
against the command (``authorize``):

* a command acting for an agent (``agent.*``, ``call.*``: its ``agent_id``) needs that agent's key;
* ``supervisor.agent_state`` needs a supervisor key (and, when the key's line names a supervisor
  id, that ``supervisor_id``);
* ``ivr.call``, ``ivr.hangup``, ``snapshot`` and ``ping`` need any known key.

A refused command is answered ``not_allowed`` and changes nothing.

The keys file is UTF-8 text, one client per line, ``#`` starts a comment line::

    # <client public key, Z85, 40 characters>  <role> [<id>]
    rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7   agent A1
    Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID   supervisor S1
    JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6   client

Roles: ``agent <agent_id>``, ``supervisor [<supervisor_id>]``, ``client`` (a known client that
acts for nobody, e.g. the IVR or a wallboard). A key appears once. A line that does not parse is
refused with ``FILE:LINE: reason`` (the switchboard does not start).

Key pairs are ZeroMQ certificate files as ``zmq.auth.create_certificates(dir, name)`` writes them
(``name.key`` holds the public key, ``name.key_secret`` both)::

    python -c "import zmq.auth; zmq.auth.create_certificates('keys', 'switchboard')"

The switchboard reads its own ``.key_secret`` (``--server-key``); a client reads its own
``.key_secret`` and the switchboard's public ``.key`` (``ClientCurve.from_files``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zmq
import zmq.auth
from zmq.utils import z85

from agentdesk.errors import AgentdeskError

log = logging.getLogger(__name__)

#: the ZAP domain of the switchboard's sockets
ZAP_DOMAIN = "agentdesk"
ROLES = ("agent", "supervisor", "client")
#: commands any known key may send
OPEN_COMMANDS = frozenset({"ivr.call", "ivr.hangup", "snapshot", "ping"})
SUPERVISOR_COMMANDS = frozenset({"supervisor.agent_state"})


class KeysError(AgentdeskError):
    """A keys file that does not parse: ``errors`` are ``FILE:LINE: reason`` lines."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors[0] if len(errors) == 1 else f"{errors[0]} (and more)")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a client key belongs to."""

    role: str  # agent | supervisor | client
    id: str | None = None


def _check_key(text: str) -> bool:
    if len(text) != 40:
        return False
    try:
        return len(z85.decode(text.encode("ascii"))) == 32
    except (ValueError, UnicodeEncodeError, KeyError, IndexError):
        return False


def parse_keys(text: str, name: str = "<keys>") -> dict[str, Principal]:
    """The clients of a keys file: Z85 public key -> ``Principal`` (raises ``KeysError``)."""
    out: dict[str, Principal] = {}
    errors: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        key, rest = parts[0], parts[1:]

        def bad(reason: str, n: int = n) -> None:
            errors.append(f"{name}:{n}: {reason}")

        if not _check_key(key):
            bad(f"not a Z85 CURVE public key (40 characters): {key[:48]!r}")
            continue
        if not rest or rest[0] not in ROLES:
            bad(f"give a role after the key: {', '.join(ROLES)}")
            continue
        role, args = rest[0], rest[1:]
        if role == "agent" and len(args) != 1:
            bad("`agent` takes one agent id")
            continue
        if role == "supervisor" and len(args) > 1:
            bad("`supervisor` takes at most one supervisor id")
            continue
        if role == "client" and args:
            bad("`client` takes no id")
            continue
        if key in out:
            bad("this key is listed twice")
            continue
        out[key] = Principal(role, args[0] if args else None)
    if errors:
        raise KeysError(errors)
    return out


def load_keys(path: str | Path) -> dict[str, Principal]:
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KeysError([f"{p}: cannot read the keys file: {exc}"]) from exc
    return parse_keys(text, str(p))


def load_key_pair(path: str | Path) -> tuple[bytes, bytes]:
    """(public, secret) Z85 keys from a ``.key_secret`` certificate file."""
    try:
        public, secret = zmq.auth.load_certificate(str(path))
    except (OSError, ValueError) as exc:
        raise AgentdeskError(f"{path}: cannot read the key pair: {exc}") from exc
    if not secret:
        raise AgentdeskError(f"{path}: no secret key in it (give the .key_secret file)")
    return public, secret


def load_public_key(path: str | Path) -> bytes:
    """A Z85 public key from a certificate file (``.key`` or ``.key_secret``)."""
    try:
        public, _secret = zmq.auth.load_certificate(str(path))
    except (OSError, ValueError) as exc:
        raise AgentdeskError(f"{path}: cannot read the public key: {exc}") from exc
    return public


@dataclass(frozen=True, slots=True)
class ServerCurve:
    """The switchboard's side: its key pair and the known clients."""

    public: bytes
    secret: bytes
    clients: dict[str, Principal]

    @classmethod
    def from_files(cls, server_key: str | Path, keys_file: str | Path) -> ServerCurve:
        public, secret = load_key_pair(server_key)
        return cls(public, secret, load_keys(keys_file))

    def apply(self, sock: zmq.Socket[Any]) -> None:
        """Make ``sock`` a CURVE server of the ZAP domain (before it binds)."""
        sock.curve_secretkey = self.secret
        sock.curve_publickey = self.public
        sock.curve_server = True
        sock.zap_domain = ZAP_DOMAIN.encode()


@dataclass(frozen=True, slots=True)
class ClientCurve:
    """A client's side: the switchboard's public key and the client's own key pair."""

    server_public: bytes
    public: bytes
    secret: bytes

    @classmethod
    def from_files(cls, server_public: str | Path, client_secret: str | Path) -> ClientCurve:
        public, secret = load_key_pair(client_secret)
        return cls(load_public_key(server_public), public, secret)

    def apply(self, sock: zmq.Socket[Any]) -> None:
        """Make ``sock`` a CURVE client of the switchboard (before it connects)."""
        sock.curve_serverkey = self.server_public
        sock.curve_publickey = self.public
        sock.curve_secretkey = self.secret


def client_curve_from_settings(settings: Any) -> ClientCurve | None:
    """The client keys configured in ``agentdesk.toml`` (``bus_server_public`` and
    ``bus_client_secret``), or None for the plain bus; one without the other is an error."""
    server = str(settings["bus_server_public"] or "")
    mine = str(settings["bus_client_secret"] or "")
    if not server and not mine:
        return None
    if not (server and mine):
        raise AgentdeskError("a secured bus needs both bus_server_public and bus_client_secret")
    return ClientCurve.from_files(server, mine)


class _KeyCheck:
    def __init__(self, clients: dict[str, Principal]) -> None:
        self.clients = clients
        self._warned: set[bytes] = set()

    def callback(self, domain: str, key: bytes) -> bool:
        known = key.decode("ascii", "replace") in self.clients
        if not known and key not in self._warned and len(self._warned) < 10_000:
            # once per key: a refused client keeps reconnecting
            self._warned.add(key)
            log.warning("bus client refused at the handshake: unknown key %s", key.decode())
        return known


class ZapHandler:
    """The ZAP handler of one context: admits the keys of the keys file (pyzmq ``zmq.auth``)."""

    def __init__(self, context: zmq.Context[Any], clients: dict[str, Principal]) -> None:
        from zmq.auth.thread import ThreadAuthenticator

        self._auth = ThreadAuthenticator(context, log=logging.getLogger(__name__ + ".zap"))
        self._clients = clients

    def start(self) -> None:
        try:
            self._auth.start()
        except zmq.ZMQError as exc:
            raise AgentdeskError(f"cannot start the bus authenticator: {exc}") from exc
        self._auth.configure_curve_callback(ZAP_DOMAIN, _KeyCheck(self._clients))

    def stop(self) -> None:
        self._auth.stop()


def authorize(principal: Principal | None, cmd: str, args: Any) -> str | None:
    """None when ``principal`` may send command ``cmd`` with ``args``, else why not."""
    if principal is None:
        return "unknown client key"
    if cmd in OPEN_COMMANDS:
        return None
    if cmd in SUPERVISOR_COMMANDS:
        if principal.role != "supervisor":
            return f"{cmd} needs a supervisor key"
        sid = getattr(args, "supervisor_id", None)
        if principal.id is not None and sid != principal.id:
            return f"this key belongs to supervisor {principal.id!r}, not {sid!r}"
        return None
    agent_id = getattr(args, "agent_id", None)
    if agent_id is None:  # a command this module does not know: only what is listed passes
        return f"{cmd} is not allowed on the secured bus"
    if principal.role != "agent" or principal.id != agent_id:
        who = f"agent {principal.id!r}" if principal.role == "agent" else f"a {principal.role}"
        return f"this key belongs to {who}, not to agent {agent_id!r}"
    return None

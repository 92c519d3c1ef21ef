"""Telephony: the switchboard (ACD) on the ZeroMQ bus, its routing engine, clients, simulators.

Modules: ``records`` (Agent, Call, envelope; JSON), ``protocol`` (topics, error codes, request
validation), ``client`` (the bus client every program uses), ``rules`` (YAML rules with
``FILE:LINE`` errors), ``routing`` (the pure engine), ``switchboard`` (the service), ``simagents``,
``ivrsim``, ``cli``; ``metrics``/``erlang``/``reports``/``report_cli`` compute supervisor figures
from the event log.

Behaviour where CONTRACT v1 leaves room (documented here, relied on by the desktop and reports):

* Framing: a command's routing frames are the peer's identity plus those any ROUTER-DEALER
  proxies on the way added, up to the empty delimiter when the client sent one; the reply goes
  back through them. A body in several frames is ``bad_request`` (answered to the peer alone).
  Frames over 64 KiB get ``bad_request``; over 64 MiB (a memory guard) ZeroMQ drops the peer's
  connection unanswered. ``agent_id`` at login must be non-empty and hold no ``/`` (it is part
  of a topic).
* ``rules:`` may be left out (or empty): every call then takes the ``fallback``.
* A call whose step moves it to another queue is published on both queues' topics (the old
  one's subscribers see it leave), as a transfer is.
* Events of one call: ``call.queued`` when it enters a step (again on each step change and after
  a transfer to a queue; ``queued_at`` keeps the first time), ``call.offered``, ``call.revoked``
  (record back in state ``queued``; ``revoke_reason`` in data), ``call.connected``, ``call.held``
  / ``call.resumed``, ``call.transferred`` (state ``queued``, published on the old and new queue
  and the old agent's desk; data adds ``from_agent``, ``to_queue``, ``to_agent``), ``call.ended``
  (data adds ``ended_by``: ``agent``, ``caller`` or ``supervisor``), ``call.abandoned`` (a
  ringing call hung up by the caller is first ``call.revoked`` with ``caller_hangup``),
  ``call.callback``.
* Every call has a ``queue`` from its arrival, so every call event goes out on a ``call/<q>/``
  topic: the rule's first queue step (also while in a ``last_agent`` step), else -- a rule
  without any queue step, e.g. ``steps: [{callback: true}]`` -- the ``fallback`` step's queue
  (the fallback must be a queue step). Such a callback counts in that queue's snapshot row.
* The events of a change are published (stamped ``ts``, given their ``seq``) before the reply to
  the command that made it: a client holding a reply can rely on those events being out.
* Agents: login -> ``not_ready``/``login``; the profile (queues, skills, name) is read from the
  store at every ``agent.login`` (login arguments override it). ``agent.state`` is refused
  (``invalid_state``) while ``reserved`` or ``on_call``; from ``wrap_up`` it ends the wrap-up.
  A ring timeout counts a missed offer, the agent goes back to ``ready`` (the call may ring
  there again) until ``max_no_answer`` misses in a row set ``not_ready``/``no_answer``;
  answering or going ready resets the count.
  ``call.wrapup`` with ``next_state: not_ready`` gives reason ``after_call_work``; after a timed
  wrap-up already ended, ``call.wrapup`` for that call is accepted without a state change. The
  agent's own logout is refused while ``reserved`` or ``on_call``. A second login while logged
  in returns the agent unchanged. ``agent.state`` events carry extra data keys when relevant:
  ``supervisor_id``, ``disposition`` and ``wrapped_call_id``, ``wrap_up: "timeout"``.
* ``supervisor.agent_state`` repairs a drifted agent: ``logged_out`` works from any state -- a
  ringing offer is revoked (``call.revoked``, ``revoke_reason: "rejected"``: the call goes back
  to its place and is not offered to that agent again), a connected or held call ends as if the
  agent hung up (``call.ended`` with ``ended_by: "supervisor"``; the agent goes straight to
  ``logged_out``, no wrap-up). ``ready``/``not_ready`` from ``reserved`` revoke the offer the
  same way; from ``on_call`` they stay ``invalid_state`` (only a force logout ends a call). Each
  of these events carries ``supervisor_id`` in its data and in the event log.
* A transferred call leaves its agent in ``wrap_up`` (``call_id`` still the transferred call).
  ``to_agent`` must be ``ready``; the call rings there for ``ring_timeout`` and otherwise goes
  back to the queue it came from. ``ivr.hangup`` of a call in ``callback`` is ``invalid_state``.
* Queue steps of a skilled queue need the skill at level 1 unless ``min_skill`` says more.
* Call ids are ``c<epoch suffix>-<n>``: unique across restarts.
* Snapshot queue rows also carry ``ready``, ``logged_in`` and ``callbacks``.
* The secured bus (``telephony.security``; ``agentdesk switchboard --keys FILE --server-key FILE``,
  config keys ``bus_keys`` and ``bus_server_secret``; clients ``bus_server_public`` and
  ``bus_client_secret``): both sockets are ZeroMQ CURVE servers behind a ZAP handler that admits
  only the public keys of the keys file (an unknown key fails the handshake: no command, no
  event). The keys file is UTF-8, one client per line, ``#`` comment lines:
  ``<Z85 public key> agent <agent_id>``, ``<key> supervisor [<supervisor_id>]`` or ``<key>
  client``; a line that does not parse stops the switchboard (exit 2, ``FILE:LINE: reason``).
  Each command's key (the frame's ``User-Id``) is checked after parsing (a malformed command is
  still ``bad_request``) and before anything runs: ``agent.*`` and ``call.*`` need the key of
  their ``agent_id``; ``supervisor.agent_state`` a supervisor key (and its ``supervisor_id``
  when the line names one); ``ivr.call``, ``ivr.hangup``, ``snapshot`` and ``ping`` any known
  key. A supervisor key does not act for agents (it has ``supervisor.agent_state``). Refused:
  ``not_allowed``, nothing changes.
* Replies and events are handed to ZeroMQ in bursts: at most 64 commands are handled before
  their events, then their replies, are sent (events first, so the rule above holds). Of the
  commands read in one batch (up to 128 per poll), new calls (``ivr.call``) are handled after
  the others (agents answering, hanging up, wrapping up); a client's own commands always keep
  their order.
"""

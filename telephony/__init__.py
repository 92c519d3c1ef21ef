"""Telephony: the switchboard (ACD) on the ZeroMQ bus, its routing engine, clients, simulators.

Modules: ``records`` (Agent, Call, envelope; JSON), ``protocol`` (topics, error codes, request
validation), ``client`` (the bus client every program uses), ``rules`` (YAML rules with
``FILE:LINE`` errors), ``routing`` (the pure engine), ``switchboard`` (the service), ``simagents``,
``ivrsim``, ``cli``; ``metrics``/``erlang``/``reports``/``report_cli`` compute supervisor figures
from the event log.

Behaviour where CONTRACT v1 leaves room (documented here, relied on by the desktop and reports):

* Events of one call: ``call.queued`` when it enters a step (again on each step change and after
  a transfer to a queue; ``queued_at`` keeps the first time), ``call.offered``, ``call.revoked``
  (record back in state ``queued``; ``revoke_reason`` in data), ``call.connected``, ``call.held``
  / ``call.resumed``, ``call.transferred`` (state ``queued``, published on the old and new queue
  and the old agent's desk; data adds ``from_agent``, ``to_queue``, ``to_agent``), ``call.ended``
  (data adds ``ended_by``: ``agent`` or ``caller``), ``call.abandoned`` (a ringing call hung up by
  the caller is first ``call.revoked`` with ``caller_hangup``), ``call.callback``.
* Agents: login -> ``not_ready``/``login``; ``agent.state`` is refused (``invalid_state``) while
  ``reserved`` or ``on_call``; from ``wrap_up`` it ends the wrap-up. A ring timeout counts a missed
  offer, the agent goes back to ``ready`` (the call may ring there again) until ``max_no_answer``
  misses in a row set ``not_ready``/``no_answer``; answering or going ready resets the count.
  ``call.wrapup`` with ``next_state: not_ready`` gives reason ``after_call_work``; after a timed
  wrap-up already ended, ``call.wrapup`` for that call is accepted without a state change. Logout
  (and supervisor ``logged_out``) is refused while ``reserved`` or ``on_call``. A second login
  while logged in returns the agent unchanged. ``agent.state`` events carry extra data keys when
  relevant: ``supervisor_id``, ``disposition`` and ``wrapped_call_id``, ``wrap_up: "timeout"``.
* A transferred call leaves its agent in ``wrap_up`` (``call_id`` still the transferred call).
  ``to_agent`` must be ``ready``; the call rings there for ``ring_timeout`` and otherwise goes
  back to the queue it came from. ``ivr.hangup`` of a call in ``callback`` is ``invalid_state``.
* Queue steps of a skilled queue need the skill at level 1 unless ``min_skill`` says more.
* Call ids are ``c<epoch suffix>-<n>``: unique across restarts.
* Snapshot queue rows also carry ``ready``, ``logged_in`` and ``callbacks``.
"""

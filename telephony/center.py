"""A live contact center in one process: switchboard + simulated agents + IVR call generator.

For ``agentdesk demo`` (and manual testing)::

    from telephony.center import LiveCenter
    center = LiveCenter.start(store_url, rules_path, sim_agents=4, rate_per_min=6.0,
                              exclude_agents={"A001"})      # A001 is the human at the desktop
    ...  # center.commands / center.events are the bound endpoints
    center.stop()

Endpoints default to free loopback ports (``tcp://127.0.0.1:0``); pass ``commands``/``events``
to use fixed ones. The simulated agents are the store's agents minus ``exclude_agents``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from telephony.ivrsim import IvrSim, load_callers
from telephony.rules import load_rules
from telephony.simagents import SimAgents, SimBehaviour, agents_from_store
from telephony.switchboard import Switchboard


@dataclass
class LiveCenter:
    switchboard: Switchboard
    agents: SimAgents | None
    ivr: IvrSim | None

    @property
    def commands(self) -> str:
        return self.switchboard.commands_endpoint

    @property
    def events(self) -> str:
        return self.switchboard.events_endpoint

    @classmethod
    def start(
        cls,
        store_url: str,
        rules_path: str | Path,
        *,
        sim_agents: int = 4,
        rate_per_min: float = 6.0,
        exclude_agents: Iterable[str] = (),
        commands: str = "tcp://127.0.0.1:0",
        events: str = "tcp://127.0.0.1:0",
        region: str = "CN",
        seed: int | None = None,
        behaviour: SimBehaviour | None = None,
    ) -> LiveCenter:
        """Start everything (raises ``RulesError`` or ``AgentdeskError`` if it cannot)."""
        sb = Switchboard(
            load_rules(rules_path),
            store_url=store_url,
            commands=commands,
            events=events,
            region=region,
        ).start()
        agents = ivr = None
        try:
            if sim_agents > 0:
                specs = agents_from_store(store_url, sim_agents, exclude=set(exclude_agents))
                agents = SimAgents(
                    sb.commands_endpoint, sb.events_endpoint, specs, behaviour=behaviour, seed=seed
                ).start()
            if rate_per_min > 0:
                ivr = IvrSim(
                    sb.commands_endpoint,
                    sb.events_endpoint,
                    rate_per_min=rate_per_min,
                    callers=load_callers(store_url, region),
                    seed=seed,
                ).start()
        except BaseException:
            if agents is not None:
                agents.stop()
            sb.stop()
            raise
        return cls(sb, agents, ivr)

    def stop(self) -> None:
        if self.ivr is not None:
            self.ivr.stop()
        if self.agents is not None:
            self.agents.stop()
        self.switchboard.stop()

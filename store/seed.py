"""Synthetic but realistic CRM data, deterministic for a given seed.

* Names from Faker ``zh_CN`` (about 70 %, language ``zh``) and ``en`` (language ``en``).
* Spend is Pareto-shaped (alpha 1.16, the 80/20 rule); the spend rank sets the tier: top 1 %
  platinum, next 4 % gold, next 15 % silver, the rest standard. ``lifetime_value`` is the sum
  of the customer's purchases.
* Lifecycle stages: ``prospect`` (no purchase), ``new`` (all purchases in the last 90 days),
  ``established``, ``expanding`` (purchases skewed to recent months).
* Phone numbers are valid E.164 mobile numbers, unique except deliberate shared numbers (a
  household or company line shared by 2-3 customers) so ``ambiguous`` screen pops happen.
* Agents cover the demo queues ``vip``, ``billing``, ``tech``, ``sales``, ``general`` with skills
  of the same names at levels 1-5.

Rows go in with bulk inserts in chunks (COPY on PostgreSQL), never the ORM per row, so a
million customers take minutes. Times are relative to ``now`` (default: a fixed anchor, so the
same seed gives the same data on any day).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from faker import Faker
from sqlalchemy import Engine, func, select

from store.bulk import insert_rows
from store.models import QUEUES, Customer, name_key

ANCHOR = datetime(2026, 11, 20, 9, 0, 0)
ALPHA = 1.16
CHUNK = 20_000

PRODUCTS: list[tuple[str, str, float]] = [
    # (english name, chinese name, base price in CNY)
    ("Fiber broadband 500M (1 year)", "光纤宽带 500M 包年", 1200.0),
    ("Fiber broadband 1000M (1 year)", "光纤宽带 1000M 包年", 1800.0),
    ("5G unlimited plan (monthly)", "5G 无限流量套餐(月)", 199.0),
    ("5G family plan (monthly)", "5G 家庭套餐(月)", 299.0),
    ("Smartphone X12", "智能手机 X12", 4999.0),
    ("Smartphone X12 Pro", "智能手机 X12 Pro", 6999.0),
    ("Tablet T8", "平板电脑 T8", 2599.0),
    ("Smart watch W3", "智能手表 W3", 1299.0),
    ("Wireless earbuds", "无线耳机", 599.0),
    ("Home router AX3000", "家用路由器 AX3000", 399.0),
    ("Cloud storage 2TB (1 year)", "云存储 2TB 包年", 360.0),
    ("IPTV premium (1 year)", "IPTV 高级会员 包年", 480.0),
    ("Device insurance (1 year)", "设备保险 包年", 299.0),
    ("International roaming pack", "国际漫游包", 98.0),
    ("Business line (monthly)", "企业专线(月)", 2999.0),
    ("Installation service", "上门安装服务", 150.0),
]
ISSUE_TITLES: list[tuple[str, str]] = [
    ("Bill higher than expected", "账单金额高于预期"),
    ("Refund not received", "退款未到账"),
    ("Internet keeps dropping", "网络频繁掉线"),
    ("Slow broadband speed", "宽带速度慢"),
    ("Phone will not power on", "手机无法开机"),
    ("Request to change plan", "申请更换套餐"),
    ("Double charge on card", "银行卡重复扣费"),
    ("Router installation appointment", "路由器安装预约"),
    ("Roaming not working abroad", "境外漫游无法使用"),
    ("Cancel subscription", "取消订阅"),
    ("Invoice request", "申请开具发票"),
    ("Complaint about service visit", "投诉上门服务"),
]
NOTES = [
    "Customer satisfied with the answer.",
    "Explained the bill line by line.",
    "Escalated to second line.",
    "Will call back tomorrow.",
    "已解释账单明细,客户满意。",
    "客户要求回电。",
    "已提交工单,等待技术处理。",
    "",
]
DISPOSITIONS = ["resolved", "follow_up", "escalated", "sale", "no_action", "wrong_number"]
CHANNELS = ["phone", "phone", "phone", "email", "chat"]
CN_PREFIXES = [130, 131, 132, 135, 136, 137, 138, 139, 150, 151, 152, 158, 159, 186, 187, 188]
US_AREAS = [212, 312, 415, 617, 646, 702, 206, 303]


@dataclass
class SeedSummary:
    customers: int = 0
    phones: int = 0
    purchases: int = 0
    issues: int = 0
    interactions: int = 0
    agents: int = 0
    seconds: float = 0.0
    shared_numbers: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"seeded {self.customers} customers, {self.phones} phone numbers, "
            f"{self.purchases} purchases, {self.issues} issues, {self.interactions} interactions, "
            f"{self.agents} agents in {self.seconds:.1f} s"
        )


def cn_mobile(i: int) -> str:
    """The i-th synthetic Chinese mobile number (distinct for distinct i)."""
    p = CN_PREFIXES[i % len(CN_PREFIXES)]
    body = ((i // len(CN_PREFIXES)) * 48271 + 12345) % 100_000_000
    return f"+86{p}{body:08d}"


def us_number(i: int) -> str:
    area = US_AREAS[i % len(US_AREAS)]
    rest = (i // len(US_AREAS)) * 7919 % 8_000_000 + 2_000_000  # exchange 200-999
    return f"+1{area}{rest:07d}"


def shared_number(g: int) -> str:
    return f"+86177{(g * 7907 + 1000) % 100_000_000:08d}"


def _name_pools(seed: int, size: int) -> tuple[list[str], list[str]]:
    zh = Faker("zh_CN")
    zh.seed_instance(seed)
    en = Faker("en_US")
    en.seed_instance(seed + 1)
    return (
        [zh.name() for _ in range(size)],
        [f"{en.first_name()} {en.last_name()}" for _ in range(size)],
    )


def make_agents(count: int, seed: int = 42) -> list[tuple[str, str, list[str], dict[str, int]]]:
    """``count`` agents covering every demo queue: (agent_id, name, queues, skills)."""
    rng = np.random.default_rng([seed, 999])
    fake_zh = Faker("zh_CN")
    fake_zh.seed_instance(seed + 7)
    fake_en = Faker("en_US")
    fake_en.seed_instance(seed + 8)
    special = [q for q in QUEUES if q != "general"]
    agents = []
    for i in range(count):
        name = f"{fake_en.first_name()} {fake_en.last_name()}" if i % 3 == 2 else fake_zh.name()
        own = {special[i % len(special)]}
        if rng.random() < 0.6:
            own.add(special[int(rng.integers(len(special)))])
        queues = [q for q in QUEUES if q in own] + ["general"]
        skills = {q: int(rng.integers(1, 6)) for q in queues if q != "general"}
        # The first agent of each queue is an expert, so min_skill steps always find someone.
        if i < len(special):
            skills[special[i]] = 5
        agents.append((f"A{i + 1:03d}", name, queues, skills))
    return agents


def _shared_spacing(n: int) -> int:
    return max(30, min(300, n // 5))


def seed(
    engine: Engine,
    customers: int,
    seed: int = 42,
    agents: int | None = None,
    *,
    now: datetime = ANCHOR,
    purchases_per_customer: float = 5.0,
    issues_per_customer: float = 1.0,
    interactions_per_customer: float = 3.0,
    chunk: int = CHUNK,
    progress: Callable[[int], None] | None = None,
) -> SeedSummary:
    """Fill a migrated, empty store with ``customers`` synthetic customers and their history.

    Customer ids are ``C0000001``...; agents ``A001``...; deterministic for ``seed``.
    """
    t0 = time.perf_counter()
    summary = SeedSummary()
    if agents is None:
        agents = max(8, min(60, customers // 1000 + 8))
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(Customer)).scalar_one():
            from agentdesk.errors import AgentdeskError

            raise AgentdeskError("the store already holds customers; seed an empty store")
    agent_rows = make_agents(agents, seed)
    agent_ids = [a[0] for a in agent_rows]
    with engine.begin() as conn:
        summary.agents = insert_rows(
            conn, "agents", ["agent_id", "name", "queues", "skills"], agent_rows
        )
    zh_names, en_names = _name_pools(seed, 3000 if customers > 3000 else max(50, customers))
    spacing = _shared_spacing(customers)
    pid = iid = xid = 0
    for start in range(0, customers, chunk):
        n = min(chunk, customers - start)
        rng = np.random.default_rng([seed, start // chunk])
        idx = np.arange(start, start + n)
        u = rng.random(n)
        weight = np.minimum((1.0 - u) ** (-1.0 / ALPHA), 60.0)
        tier = np.where(
            u >= 0.99,
            "platinum",
            np.where(u >= 0.95, "gold", np.where(u >= 0.80, "silver", "standard")),
        )
        zh = rng.random(n) < 0.7
        name_pick = rng.integers(0, len(zh_names), n)
        life_r = rng.random(n)
        lifecycle = np.where(
            life_r < 0.08,
            "prospect",
            np.where(life_r < 0.23, "new", np.where(life_r < 0.78, "established", "expanding")),
        )
        n_purch = np.where(
            lifecycle == "prospect",
            0,
            np.maximum(1, rng.poisson(purchases_per_customer / 0.92, n)),
        )
        n_phone = np.where(rng.random(n) < 0.05, 0, np.where(rng.random(n) < 0.12, 2, 1))
        n_issue = rng.poisson(issues_per_customer, n)
        n_inter = rng.poisson(interactions_per_customer, n)

        cust_rows = []
        phone_rows = []
        purch_rows = []
        issue_rows = []
        inter_rows = []
        for k in range(n):
            i = int(idx[k])
            cid = f"C{i + 1:07d}"
            is_zh = bool(zh[k])
            name = (zh_names if is_zh else en_names)[int(name_pick[k]) % len(zh_names)]
            life = str(lifecycle[k])
            # phones
            pos = 0
            for j in range(int(n_phone[k])):
                num = cn_mobile(2 * i + j) if is_zh or j == 1 else us_number(2 * i + j)
                phone_rows.append((cid, num, pos))
                pos += 1
            g, r = divmod(i, spacing)
            if r in (7, 8) or (r == 9 and g % 2 == 0):
                phone_rows.append((cid, shared_number(g), pos))
            # purchases
            ltv = 0.0
            np_k = int(n_purch[k])
            if np_k:
                if life == "new":
                    days = rng.uniform(0, 90, np_k)
                elif life == "expanding":
                    days = 1095 * rng.beta(1.0, 4.0, np_k)
                else:
                    days = rng.uniform(0, 1095, np_k)
                prods = rng.integers(0, len(PRODUCTS), np_k)
                scale = rng.uniform(0.8, 1.2, np_k) * (weight[k] ** 0.5)
                for d, pr, sc in zip(days, prods, scale, strict=True):
                    pid += 1
                    en_name, zh_name, price = PRODUCTS[int(pr)]
                    amount = round(price * float(sc) * (1.0 if is_zh else 0.14), 2)
                    ltv += amount
                    purch_rows.append(
                        (
                            f"P{pid:08d}",
                            cid,
                            zh_name if is_zh else en_name,
                            amount,
                            "CNY" if is_zh else "USD",
                            _at(now, float(d)),
                        )
                    )
            cust_rows.append(
                (
                    cid,
                    name,
                    name_key(name),
                    str(tier[k]),
                    life,
                    "zh" if is_zh else "en",
                    f"c{i + 1}@example.{'cn' if is_zh else 'com'}",
                    round(ltv, 2),
                )
            )
            # issues
            for _ in range(int(n_issue[k])):
                iid += 1
                s_r = rng.random()
                status = (
                    "open"
                    if s_r < 0.2
                    else "pending"
                    if s_r < 0.3
                    else "resolved"
                    if s_r < 0.6
                    else "closed"
                )
                age = float(rng.uniform(0, 60 if status in ("open", "pending") else 720))
                p_r = rng.random()
                prio = (
                    "urgent"
                    if p_r < 0.05
                    else "high"
                    if p_r < 0.2
                    else "low"
                    if p_r > 0.85
                    else "normal"
                )
                t_en, t_zh = ISSUE_TITLES[int(rng.integers(len(ISSUE_TITLES)))]
                opened = _at(now, age)
                updated = _at(now, max(0.0, age - float(rng.uniform(0, min(age, 30)))))
                owner = agent_ids[int(rng.integers(len(agent_ids)))] if rng.random() < 0.9 else None
                issue_rows.append(
                    (
                        f"I{iid:08d}",
                        cid,
                        t_zh if is_zh else t_en,
                        status,
                        prio,
                        opened,
                        updated,
                        owner,
                    )
                )
            # interactions
            for _ in range(int(n_inter[k])):
                xid += 1
                inter_rows.append(
                    (
                        f"X{xid:08d}",
                        cid,
                        CHANNELS[int(rng.integers(len(CHANNELS)))],
                        agent_ids[int(rng.integers(len(agent_ids)))],
                        _at(now, float(rng.uniform(0, 365))),
                        DISPOSITIONS[int(rng.integers(len(DISPOSITIONS)))],
                        NOTES[int(rng.integers(len(NOTES)))],
                    )
                )
        with engine.begin() as conn:
            summary.customers += insert_rows(
                conn,
                "customers",
                [
                    "customer_id",
                    "name",
                    "name_key",
                    "tier",
                    "lifecycle",
                    "language",
                    "email",
                    "lifetime_value",
                ],
                cust_rows,
            )
            summary.phones += insert_rows(
                conn, "customer_phones", ["customer_id", "phone", "position"], phone_rows
            )
            summary.purchases += insert_rows(
                conn,
                "purchases",
                ["purchase_id", "customer_id", "product", "amount", "currency", "purchased_at"],
                purch_rows,
            )
            summary.issues += insert_rows(
                conn,
                "issues",
                [
                    "issue_id",
                    "customer_id",
                    "title",
                    "status",
                    "priority",
                    "opened_at",
                    "updated_at",
                    "owner_agent_id",
                ],
                issue_rows,
            )
            summary.interactions += insert_rows(
                conn,
                "interactions",
                [
                    "interaction_id",
                    "customer_id",
                    "channel",
                    "agent_id",
                    "started_at",
                    "disposition",
                    "notes",
                ],
                inter_rows,
            )
        if progress is not None:
            progress(start + n)
    summary.shared_numbers = [
        shared_number(g)
        for g in range((customers + spacing - 1) // spacing)
        if g * spacing + 8 < customers
    ]
    summary.seconds = time.perf_counter() - t0
    return summary


def _at(now: datetime, days_ago: float) -> datetime:
    """``now`` minus ``days_ago`` days, to the second."""
    return now - timedelta(seconds=int(days_ago * 86400))

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
from datetime import datetime

import numpy as np
from faker import Faker
from sqlalchemy import Engine, func, select

from store.bulk import insert_rows
from store.models import DATA_COLUMNS, QUEUES, Customer, name_key

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


def _times(now: datetime, days_ago: np.ndarray) -> list[str]:
    """``now`` minus ``days_ago`` days, to the second, as stored text (``YYYY-MM-DD HH:MM:SS``)."""
    base = np.datetime64(now.replace(microsecond=0), "s")
    stamps = base - (days_ago * 86400).astype("int64").astype("timedelta64[s]")
    return [f"{t[:10]} {t[11:]}.000000" for t in np.datetime_as_string(stamps, unit="s").tolist()]


def _pick(rng: np.random.Generator, options: list[str], size: int) -> list[str]:
    arr = np.array(options, dtype=object)
    return list(arr[rng.integers(0, len(options), size)])


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

    Customer ids are ``C0000001``...; agents ``A001``...; deterministic for ``seed`` (and
    ``chunk``). Generation is vectorised with numpy per chunk; rows go in with bulk inserts.
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
        summary.agents = insert_rows(conn, "agents", list(DATA_COLUMNS["agents"]), agent_rows)
    pool = 3000 if customers > 3000 else max(50, customers)
    zh_names, en_names = _name_pools(seed, pool)
    zh_keys = [name_key(n) for n in zh_names]
    en_keys = [name_key(n) for n in en_names]
    en_prod = np.array([p[0] for p in PRODUCTS], dtype=object)
    zh_prod = np.array([p[1] for p in PRODUCTS], dtype=object)
    prices = np.array([p[2] for p in PRODUCTS])
    en_title = np.array([t[0] for t in ISSUE_TITLES], dtype=object)
    zh_title = np.array([t[1] for t in ISSUE_TITLES], dtype=object)
    spacing = _shared_spacing(customers)
    pid = iid = xid = 0
    for start in range(0, customers, chunk):
        n = min(chunk, customers - start)
        rng = np.random.default_rng([seed, start // chunk])
        u = rng.random(n)
        weight = np.minimum((1.0 - u) ** (-1.0 / ALPHA), 60.0)
        tier = np.where(
            u >= 0.99,
            "platinum",
            np.where(u >= 0.95, "gold", np.where(u >= 0.80, "silver", "standard")),
        )
        zh = rng.random(n) < 0.7
        name_pick = rng.integers(0, pool, n)
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
        cids = [f"C{i + 1:07d}" for i in range(start, start + n)]
        zh_l = zh.tolist()

        # phones: own numbers, then the shared household numbers
        phone_rows: list[tuple[str, str, int]] = []
        for k in np.nonzero(n_phone >= 1)[0].tolist():
            i = start + k
            phone_rows.append((cids[k], cn_mobile(2 * i) if zh_l[k] else us_number(2 * i), 0))
        for k in np.nonzero(n_phone == 2)[0].tolist():
            phone_rows.append((cids[k], cn_mobile(2 * (start + k) + 1), 1))
        for k in range(n):
            g, r = divmod(start + k, spacing)
            if r in (7, 8) or (r == 9 and g % 2 == 0):
                phone_rows.append((cids[k], shared_number(g), int(n_phone[k])))

        # purchases, vectorised over all purchases of the chunk
        owner = np.repeat(np.arange(n), n_purch)
        m = len(owner)
        life_o = lifecycle[owner]
        days = np.where(
            life_o == "new",
            rng.uniform(0, 90, m),
            np.where(life_o == "expanding", 1095 * rng.beta(1.0, 4.0, m), rng.uniform(0, 1095, m)),
        )
        prods = rng.integers(0, len(PRODUCTS), m)
        zh_o = zh[owner]
        amount = np.round(
            prices[prods]
            * rng.uniform(0.8, 1.2, m)
            * weight[owner] ** 0.5
            * np.where(zh_o, 1.0, 0.14),
            2,
        )
        ltv = np.round(np.bincount(owner, weights=amount, minlength=n), 2)
        purch_rows = list(
            zip(
                [f"P{pid + j + 1:08d}" for j in range(m)],
                [cids[k] for k in owner.tolist()],
                np.where(zh_o, zh_prod[prods], en_prod[prods]).tolist(),
                amount.tolist(),
                np.where(zh_o, "CNY", "USD").tolist(),
                _times(now, days),
                strict=True,
            )
        )
        pid += m

        names = [
            zh_names[p] if z else en_names[p] for p, z in zip(name_pick.tolist(), zh_l, strict=True)
        ]
        keys = [
            zh_keys[p] if z else en_keys[p] for p, z in zip(name_pick.tolist(), zh_l, strict=True)
        ]
        cust_rows = list(
            zip(
                cids,
                names,
                keys,
                tier.tolist(),
                lifecycle.tolist(),
                ["zh" if z else "en" for z in zh_l],
                [
                    f"c{i + 1}@example.{'cn' if z else 'com'}"
                    for i, z in zip(range(start, start + n), zh_l, strict=True)
                ],
                ltv.tolist(),
                strict=True,
            )
        )

        # issues
        owner = np.repeat(np.arange(n), n_issue)
        m = len(owner)
        s_r = rng.random(m)
        status = np.where(
            s_r < 0.2,
            "open",
            np.where(s_r < 0.3, "pending", np.where(s_r < 0.6, "resolved", "closed")),
        )
        is_open = s_r < 0.3
        age = np.where(is_open, rng.uniform(0, 60, m), rng.uniform(0, 720, m))
        upd = np.maximum(0.0, age - rng.uniform(0, 1, m) * np.minimum(age, 30))
        p_r = rng.random(m)
        prio = np.where(
            p_r < 0.05, "urgent", np.where(p_r < 0.2, "high", np.where(p_r > 0.85, "low", "normal"))
        )
        titles = rng.integers(0, len(ISSUE_TITLES), m)
        owners = np.array([*agent_ids, None], dtype=object)[
            np.where(rng.random(m) < 0.9, rng.integers(0, len(agent_ids), m), len(agent_ids))
        ]
        issue_rows = list(
            zip(
                [f"I{iid + j + 1:08d}" for j in range(m)],
                [cids[k] for k in owner.tolist()],
                np.where(zh[owner], zh_title[titles], en_title[titles]).tolist(),
                status.tolist(),
                prio.tolist(),
                _times(now, age),
                _times(now, upd),
                owners.tolist(),
                strict=True,
            )
        )
        iid += m

        # interactions
        owner = np.repeat(np.arange(n), n_inter)
        m = len(owner)
        inter_rows = list(
            zip(
                [f"X{xid + j + 1:08d}" for j in range(m)],
                [cids[k] for k in owner.tolist()],
                _pick(rng, CHANNELS, m),
                _pick(rng, agent_ids, m),
                _times(now, rng.uniform(0, 365, m)),
                _pick(rng, DISPOSITIONS, m),
                _pick(rng, NOTES, m),
                strict=True,
            )
        )
        xid += m

        with engine.begin() as conn:
            summary.customers += insert_rows(
                conn,
                "customers",
                list(DATA_COLUMNS["customers"]),
                cust_rows,
                raw=True,
            )
            summary.phones += insert_rows(
                conn, "customer_phones", list(DATA_COLUMNS["customer_phones"]), phone_rows, raw=True
            )
            summary.purchases += insert_rows(
                conn,
                "purchases",
                list(DATA_COLUMNS["purchases"]),
                purch_rows,
                raw=True,
            )
            summary.issues += insert_rows(
                conn,
                "issues",
                list(DATA_COLUMNS["issues"]),
                issue_rows,
                raw=True,
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
                raw=True,
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

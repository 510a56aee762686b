"""Alerts: a finding that is new since the last look, with its evidence, delivered three ways.

An alert's id is a hash of its rule and finding key (plus how many times that key fired
before), so the same shift always gets the same id and a restart never raises it twice. Delivery:
a callback (the CLI prints one line), an append-only JSON-lines log, and an optional webhook
POST; payloads the webhook did not accept wait in the state's outbox for the next round.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from allegiance.graph.relations import evidence as evidence_table
from allegiance.store import Store
from allegiance.watch.fetch import USER_AGENT
from allegiance.watch.rules import Finding

log = logging.getLogger(__name__)

AlertCallback = Callable[["Alert"], None]
MAX_OUTBOX = 1000


@dataclass(frozen=True, slots=True)
class Alert:
    id: str
    rule: str
    kind: str
    key: str  # the finding's stable key, e.g. "sign_change|HUN|RUS|2025-03-10|..."
    message: str
    raised_at: str
    subject: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[dict[str, Any], ...] = ()  # new events: id, sentence, article, url, ...
    before: tuple[dict[str, Any], ...] = ()  # the earlier events it changed from

    def line(self) -> str:
        """The one console/log line: id, rule, message and evidence ids."""
        ids = ", ".join(e["id"] for e in self.evidence) or "none"
        return f"ALERT {self.id} [{self.rule}] {self.message} (evidence: {ids})"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"], data["before"] = list(self.evidence), list(self.before)
        return data


def alert_id(rule: str, key: str, occurrence: int = 0) -> str:
    digest = hashlib.sha256(f"{rule}\x1f{key}\x1f{occurrence}".encode()).hexdigest()
    return digest[:16]


def next_alert_id(rule: str, key: str, sent: set[str]) -> str:
    """The id of this finding's next occurrence (a key that left and came back fires again)."""
    occurrence = 0
    while alert_id(rule, key, occurrence) in sent:
        occurrence += 1
    return alert_id(rule, key, occurrence)


def build_alerts(store: Store, findings: list[Finding], sent: set[str]) -> list[Alert]:
    """Alerts for new findings, with the sentences behind their event ids."""
    ids = {i for f in findings for i in (*f.evidence, *f.before)}
    rows = _evidence_rows(store, ids)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    out = []
    for finding in findings:
        aid = next_alert_id(finding.rule, finding.key, sent)
        sent.add(aid)
        out.append(
            Alert(
                id=aid,
                rule=finding.rule,
                kind=finding.kind,
                key=finding.key,
                message=finding.message,
                raised_at=now,
                subject=finding.subject,
                evidence=tuple(rows[i] for i in finding.evidence if i in rows),
                before=tuple(rows[i] for i in finding.before if i in rows),
            )
        )
    return out


def _evidence_rows(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    table = evidence_table(store, wanted)
    out = {}
    for row in table.to_dict("records"):
        out[str(row["id"])] = {
            "id": str(row["id"]),
            "sentence": str(row["sentence"] or "").strip(),
            "type": row["type"],
            "factuality": row["factuality"],
            "actor": _codes(row["actor_codes"]),
            "recipient": _codes(row["recipient_codes"]),
            "article_id": row["article_id"],
            "title": row["title"],
            "url": row["url"],
            "published": _date(row["published"]),
        }
    return out


def _codes(value: Any) -> list[str]:
    return [str(v) for v in value] if value is not None else []


def _date(value: Any) -> str | None:
    if value is None or value != value:  # None or NaT
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)


# -- delivery ---------------------------------------------------------------------------------
def append_log(alerts: Iterable[Alert], path: Path) -> None:
    """One JSON line per alert, appended (the log is the record of what was raised)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for alert in alerts:
            handle.write(json.dumps(alert.to_dict(), ensure_ascii=False, default=str) + "\n")


def post_webhook(
    url: str, payloads: list[dict[str, Any]], *, timeout: float = 10.0
) -> list[dict[str, Any]]:
    """POST each payload as JSON; returns those not accepted (to retry next round)."""
    left: list[dict[str, Any]] = []
    with httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout) as client:
        for number, payload in enumerate(payloads):
            try:
                response = client.post(url, json=payload)
                if response.status_code >= 300:
                    raise httpx.HTTPStatusError(
                        f"HTTP {response.status_code}", request=response.request, response=response
                    )
            except httpx.HTTPError as exc:
                log.warning(
                    "webhook %s: %s; %d alert(s) kept for the next round",
                    url,
                    " ".join(str(exc).split())[:160],
                    len(payloads) - number,
                )
                left = payloads[number:]
                break
    return left[-MAX_OUTBOX:]

// An event's evidence sentence with actor, trigger and recipient marked (text nodes + <mark>),
// and what its confidence means.
import { el, usd } from "./dom.js";

const CONFIDENCE_HELP = "The verifier's probability that this event is right (type, actor and recipient), " +
  "calibrated on news the rules were not tuned on; see docs/accuracy.md.";

// An event's confidence, two decimals, with what it means on hover (null when it has none).
export function confidenceBadge(value, label = "") {
  if (typeof value !== "number") return null;
  return el("span", { class: "confidence", title: CONFIDENCE_HELP }, `${label}${value.toFixed(2)}`);
}

// The minimum-confidence filter of a view's form (empty: the server's default threshold).
export function minConfidenceFilter(id, value) {
  return el("label", { title: CONFIDENCE_HELP }, "Min. confidence ",
    el("input", { name: "min_confidence", id, type: "number", min: 0, max: 1, step: 0.05, value: value || "", placeholder: "default", size: 4 }));
}

function spansOf(record) {
  const spans = [];
  for (const m of record.actor || []) spans.push({ start: m.start, end: m.end, role: "actor" });
  if (record.trigger) spans.push({ start: record.trigger.start, end: record.trigger.end, role: "trigger" });
  for (const m of record.recipient || []) spans.push({ start: m.start, end: m.end, role: "recipient" });
  return spans;
}

export function highlighted(record) {
  const sentence = record.sentence || { text: "", start: 0 };
  const text = sentence.text || "";
  const base = sentence.start || 0;
  const spans = spansOf(record)
    .map((s) => ({ ...s, start: s.start - base, end: s.end - base }))
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping span: keep the first
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(el("mark", { class: span.role, title: span.role }, text.slice(span.start, span.end)));
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return el("span", { class: "evidence" }, parts);
}

function codes(mentions) {
  return (mentions || []).map((m) => m.code || m.text).join(", ") || "—";
}

export function saidBy(record) {
  const who = record.attributed_to;
  if (!who) return "";
  const name = who.person || who.text || who.code;
  return who.code && who.code !== name ? `${name} (${who.code})` : name;
}

export function eventLabel(record) {
  const kind = `${record.event}${record.mode ? `(${record.mode})` : ""}`;
  if (record.mutual) return `${codes(record.actor)} ←${kind}→ each other`;
  return `${codes(record.actor)} —${kind}→ ${codes(record.recipient)}`;
}

export function eventItem(record) {
  const meta = [
    el("span", { class: `badge ${record.factuality}` }, record.factuality),
    confidenceBadge(record.confidence, "confidence "),
    record.attributed_to ? el("span", { class: "said" }, `said by ${saidBy(record)}`) : null,
    record.amount ? el("span", { class: "amount" }, record.amount.usd ? `${record.amount.text} (${usd(record.amount.usd)})` : record.amount.text) : null,
    record.location ? el("span", { class: "place" }, `at ${record.location.name || record.location.text}`) : null,
    el("span", { class: "muted" }, record.reported_date || ""),
    el("a", { href: `#/article/${encodeURIComponent(record.doc_id)}` }, record.article_title || "article"),
  ];
  return el("li", { class: "event", "data-event": record.id },
    el("div", { class: "event-head" }, el("strong", {}, eventLabel(record)), " ", meta),
    el("blockquote", {}, highlighted(record)));
}

export function eventList(records) {
  return el("ol", { class: "events" }, records.map(eventItem));
}

// Events table: filters, pagination, evidence with highlights, factuality, who said so and how
// likely the event is right.
import { getJSON } from "./api.js";
import { clear, el, message, table, usd } from "./dom.js";
import { confidenceBadge, highlighted, minConfidenceFilter, saidBy } from "./evidence.js";

const TYPES = ["", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const FACTUALITIES = ["", "asserted", "negated", "hypothetical", "future", "historical"];
const PAGE = 50;

export function select(name, values, current) {
  return el("select", { name, id: `f-${name}` },
    values.map((v) => el("option", { value: v, selected: v === current }, v || "any")));
}

function columns() {
  const codes = (ms) => (ms || []).map((m) => m.code || m.text).join(", ");
  return [
    { label: "Reported", cell: (r) => r.reported_date || "" },
    { label: "Type", cell: (r) => (r.mode ? `${r.event} (${r.mode})` : r.event) },
    { label: "Actor", cell: (r) => codes(r.actor) },
    { label: "Recipient", cell: (r) => (r.mutual ? "each other" : codes(r.recipient)) },
    { label: "Evidence", class: "wide", cell: (r) => highlighted(r) },
    { label: "Factuality", cell: (r) => el("span", { class: `badge ${r.factuality}` }, r.factuality) },
    { label: "Said by", cell: (r) => saidBy(r) },
    { label: "Confidence", cell: (r) => confidenceBadge(r.confidence) },
    { label: "Amount", cell: (r) => (r.amount ? (r.amount.usd ? usd(r.amount.usd) : r.amount.text) : "") },
    { label: "Article", cell: (r) => el("a", { href: `#/article/${encodeURIComponent(r.doc_id)}` }, r.article_title || r.doc_id) },
  ];
}

export async function renderEventsTable(target, filters) {
  const data = await getJSON("/api/events", filters);
  const from = data.total ? data.offset + 1 : 0;
  const to = data.offset + data.items.length;
  clear(target).append(
    message(`${data.total} events${data.total ? ` (showing ${from}–${to})` : ""}`),
    table(columns(), data.items, { class: "grid events-table" }),
  );
  return data;
}

export async function eventsView(view, params) {
  const state = { actor: "", recipient: "", type: "", factuality: "", since: "", until: "", min_confidence: "", offset: 0, ...params };
  const form = el("form", { class: "filters" },
    el("label", {}, "Actor ", el("input", { name: "actor", value: state.actor, size: 8 })),
    el("label", {}, "Recipient ", el("input", { name: "recipient", value: state.recipient, size: 8 })),
    el("label", {}, "Type ", select("type", TYPES, state.type)),
    el("label", {}, "Factuality ", select("factuality", FACTUALITIES, state.factuality)),
    el("label", {}, "Since ", el("input", { name: "since", type: "date", value: state.since })),
    el("label", {}, "Until ", el("input", { name: "until", type: "date", value: state.until })),
    minConfidenceFilter("f-min-confidence", state.min_confidence),
    el("button", { type: "submit" }, "Show"));
  const results = el("div", { id: "events-results" });
  const pager = el("div", { class: "pager" });
  view.append(el("h1", {}, "Events"), form, results, pager);

  async function load() {
    try {
      const data = await renderEventsTable(results, { ...state, limit: PAGE });
      clear(pager);
      if (state.offset > 0) pager.append(el("button", { onclick: () => { state.offset = Math.max(0, state.offset - PAGE); load(); } }, "← Newer"));
      if (state.offset + PAGE < data.total) pager.append(el("button", { onclick: () => { state.offset += PAGE; load(); } }, "Older →"));
    } catch (err) {
      clear(results).append(message(err.message, "error"));
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const [key, value] of new FormData(form).entries()) state[key] = String(value).trim();
    state.offset = 0;
    load();
  });
  await load();
}

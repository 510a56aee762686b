// Actor list and actor page (roles over time, partners, timeline, events).
import { getJSON } from "./api.js";
import { el, message, table, usd } from "./dom.js";
import { renderEventsTable } from "./events.js";
import { timelineChart } from "./timeline.js";

const link = (code) => el("a", { href: `#/actor/${encodeURIComponent(code)}` }, code);

export async function actorsView(view) {
  const data = await getJSON("/api/actors", { limit: 500 });
  view.append(el("h1", {}, `Actors (${data.total})`), table([
    { label: "Code", cell: (r) => link(r.code) },
    { label: "Name", cell: (r) => r.name || "" },
    { label: "Kind", cell: (r) => r.kind || "" },
    { label: "Events", class: "num", cell: (r) => r.events },
    { label: "Mentions", class: "num", cell: (r) => r.mentions },
    { label: "Articles", class: "num", cell: (r) => r.articles },
  ], data.items));
}

function relationsTable(code, items) {
  if (!items.length) return message("No asserted relations.");
  return table([
    { label: "Direction", cell: (r) => `${r.source} → ${r.target}` },
    { label: "Net", class: "num", cell: (r) => el("span", { class: r.net > 0 ? "positive" : r.net < 0 ? "negative" : null }, (Math.round(r.net * 10) / 10).toString()) },
    { label: "Stories", class: "num", cell: (r) => r.stories },
    { label: "USD", class: "num", cell: (r) => usd(r.amount_usd) },
    { label: "", cell: (r) => link(r.source === code ? r.target : r.source) },
  ], items);
}

export async function actorView(view, code) {
  const a = await getJSON(`/api/actors/${encodeURIComponent(code)}`);
  const relations = await getJSON("/api/relations", { actor: a.code });
  const wikidata = a.wikidata && /^Q\d+$/.test(a.wikidata) ? el("a", { href: `https://www.wikidata.org/wiki/${a.wikidata}`, rel: "noreferrer" }, a.wikidata) : null;
  view.append(
    el("h1", {}, `${a.name || a.code} `, el("span", { class: "muted" }, a.code)),
    el("p", {}, [a.kind, a.sector, a.country ? `of ${a.country}` : null].filter(Boolean).join(" · "), " ", wikidata, ` · ${a.events} events`),
    el("h2", {}, "People and roles over time"),
    a.people.length ? table([
      { label: "Person", cell: (r) => r.person || "" },
      { label: "Role", cell: (r) => r.role || "" },
      { label: "First seen", cell: (r) => r.first_seen || "" },
      { label: "Last seen", cell: (r) => r.last_seen || "" },
      { label: "Mentions", class: "num", cell: (r) => r.mentions },
    ], a.people) : message("No named people or roles."),
    el("h2", {}, "Relations (signed, asserted events)"),
    relationsTable(a.code, relations.items),
    el("h2", {}, "Events by partner and type"),
    a.partners.length ? table([
      { label: "Direction", cell: (r) => (r.side === "out" ? `${a.code} → ${r.partner}` : `${r.partner} → ${a.code}`) },
      { label: "Type", cell: (r) => r.event },
      { label: "Events", class: "num", cell: (r) => r.events },
      { label: "", cell: (r) => link(r.partner) },
    ], a.partners) : message("No events with partners."),
    el("h2", {}, "Timeline"),
    timelineChart(a.timeline),
    el("h2", {}, "Events"));
  const events = el("div", {});
  view.append(events);
  await renderEventsTable(events, { involving: a.code, limit: 50 });
}

// Actor network: nodes coloured by camp, signed and weighted edges; an edge's events on click.
import { getJSON } from "./api.js";
import { clear, el, message } from "./dom.js";
import { eventList } from "./evidence.js";
import { select } from "./events.js";

const CAMP_COLOURS = ["#2b6cb0", "#c53030", "#2f855a", "#b7791f", "#6b46c1", "#0987a0", "#97266d"];
const TYPES = ["", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

export function campColour(camp) {
  return camp ? CAMP_COLOURS[(camp - 1) % CAMP_COLOURS.length] : "#718096";
}

function elements(data) {
  const nodes = data.nodes.map((n) => ({
    data: { id: n.id, label: n.id, name: n.name || n.id, camp: n.camp, colour: campColour(n.camp), size: 22 + 6 * Math.sqrt(n.stories) },
  }));
  const edges = data.edges.map((e) => ({
    data: {
      id: `${e.source}->${e.target}`, source: e.source, target: e.target, net: e.net, stories: e.stories,
      colour: e.net > 0 ? "#38a169" : e.net < 0 ? "#e53e3e" : "#a0aec0",
      width: 1.5 + 2.5 * Math.log2(1 + e.stories),
      label: `${e.net > 0 ? "+" : ""}${Math.round(e.net * 10) / 10}`,
    },
  }));
  return [...nodes, ...edges];
}

const STYLE = [
  { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", width: "data(size)", height: "data(size)", color: "#1a202c", "font-size": 11, "text-valign": "center", "text-outline-color": "#fff", "text-outline-width": 2 } },
  { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", width: "data(width)", "curve-style": "bezier", label: "data(label)", "font-size": 9, "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
  { selector: "edge:selected", style: { "line-color": "#1a202c", "target-arrow-color": "#1a202c" } },
];

function legend(nodes) {
  const camps = [...new Set(nodes.map((n) => n.camp))].sort();
  return el("div", { class: "legend" }, camps.map((camp) =>
    el("span", { class: "legend-item" }, el("span", { class: `swatch camp-${camp || 0}` }),
      camp ? `camp ${camp}: ${nodes.filter((n) => n.camp === camp).map((n) => n.id).join(", ")}` : "no camp")),
    el("span", { class: "legend-item" }, el("span", { class: "swatch positive" }), "cooperative"),
    el("span", { class: "legend-item" }, el("span", { class: "swatch negative" }), "hostile"));
}

async function showEdge(panel, source, target, filters) {
  clear(panel).append(message(`Loading events ${source} → ${target} …`));
  try {
    const data = await getJSON("/api/relations/evidence", { ...filters, source, target });
    clear(panel).append(el("h2", { id: "edge-title" }, `${source} → ${target}: ${data.items.length} event${data.items.length === 1 ? "" : "s"}`), eventList(data.items));
  } catch (err) {
    clear(panel).append(message(err.message, "error"));
  }
}

export async function networkView(view, params) {
  const filters = { since: params.since || "", until: params.until || "", type: params.type || "", include: params.include || "" };
  const form = el("form", { class: "filters" },
    el("label", {}, "Since ", el("input", { name: "since", type: "date", value: filters.since })),
    el("label", {}, "Until ", el("input", { name: "until", type: "date", value: filters.until })),
    el("label", {}, "Event type ", select("type", TYPES, filters.type)),
    el("label", {}, "Also count ", select("include", ["", "hypothetical,future", "all"], filters.include)),
    el("button", { type: "submit" }, "Update"));
  const graph = el("div", { id: "cy", class: "graph", role: "img", "aria-label": "actor network" });
  const side = el("div", { id: "edge-events", class: "panel" }, message("Click an edge to see the events behind it, with their sentences."));
  const legendBox = el("div", {});
  view.append(el("h1", {}, "Actor network"), form, legendBox, el("div", { class: "split" }, graph, side));

  async function load() {
    clear(side).append(message("Click an edge to see the events behind it, with their sentences."));
    let data;
    try {
      data = await getJSON("/api/network", filters);
    } catch (err) {
      clear(graph).append(message(err.message, "error"));
      return;
    }
    clear(legendBox).append(legend(data.nodes));
    if (!data.nodes.length) {
      clear(graph).append(message("No relations for these filters."));
      return;
    }
    const cy = window.cytoscape({ container: graph, elements: elements(data), style: STYLE,
      // A circle with each camp's members side by side: deterministic and readable.
      layout: { name: "circle", animate: false, padding: 40, sort: (a, b) => ((a.data("camp") || 99) - (b.data("camp") || 99)) || a.id().localeCompare(b.id()) } });
    cy.on("tap", "edge", (event) => showEdge(side, event.target.data("source"), event.target.data("target"), filters));
    cy.on("tap", "node", (event) => { window.location.hash = `#/actor/${encodeURIComponent(event.target.id())}`; });
    window.allegiance = { ...(window.allegiance || {}), cy };
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const [key, value] of new FormData(form).entries()) filters[key] = String(value);
    load();
  });
  await load();
}

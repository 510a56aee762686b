// Actor network: a force-directed layout (d3-force) of the signed relations. Nodes sized by events
// and coloured by camp, the most active labelled; edges coloured by sign and as wide as their
// stories. Hover for details, click a node to focus on its neighbourhood, click an edge for its
// evidence. Data filters (dates, types, factuality, confidence) ask the API again; view filters
// (minimum stories, camp) and search act on the graph already drawn.
import { getJSON } from "./api.js";
import { clear, el, message, usd } from "./dom.js";
import { eventList, minConfidenceFilter } from "./evidence.js";

// Categorical colours for camps, kept away from the green/red of edge signs.
const CAMP_COLOURS = ["#1f77b4", "#ff7f0e", "#9467bd", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#393b79", "#637939", "#7b4173"];
const NO_CAMP = "#a0aec0";
const POSITIVE = "#2f9e44";
const NEGATIVE = "#e03131";
const NEUTRAL = "#adb5bd";
const QUAD_TYPES = [
  ["verbal cooperation", ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]],
  ["material cooperation", ["COOPERATE", "AID", "RETREAT"]],
  ["verbal conflict", ["REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"]],
  ["material conflict", ["PROTEST", "MOBILIZE", "COERCE", "ASSAULT"]],
];
const ALL_TYPES = QUAD_TYPES.flatMap(([, types]) => types);
const BIG = { nodes: 150, edges: 1200 }; // above either: lighter drawing and layout
const DEFAULT_LABELS = 20;

// A camp of one actor is no bloc: it is drawn grey like actors without a camp.
export function campColour(camp, size = 2) {
  if (!camp || size < 2) return NO_CAMP;
  return CAMP_COLOURS[(camp - 1) % CAMP_COLOURS.length];
}

const signColour = (net) => (net > 0 ? POSITIVE : net < 0 ? NEGATIVE : NEUTRAL);
const signName = (net) => (net > 0 ? "cooperative" : net < 0 ? "hostile" : "neutral");
const round1 = (x) => Math.round(x * 10) / 10;
const signed = (x) => `${x > 0 ? "+" : ""}${round1(x)}`;
const plural = (n, word) => `${n} ${n === 1 ? word : word.replace(/y$/, "ie")}${n === 1 ? "" : "s"}`;

function shortLabel(code, name) {
  return name && name.length <= 18 ? name : code;
}

// Cytoscape elements from /api/network: node activity summed over its relations.
function elements(data) {
  const activity = new Map(data.nodes.map((n) => [n.id, { events: 0, stories: 0, degree: 0 }]));
  for (const e of data.edges) {
    for (const end of [e.source, e.target]) {
      const a = activity.get(end);
      if (!a) continue;
      a.events += e.mentions || e.stories;
      a.stories += e.stories;
      a.degree += 1;
    }
  }
  const campSize = new Map();
  for (const n of data.nodes) if (n.camp) campSize.set(n.camp, (campSize.get(n.camp) || 0) + 1);
  const maxEvents = Math.max(1, ...[...activity.values()].map((a) => a.events));
  const maxStories = Math.max(1, ...data.edges.map((e) => e.stories));
  const nodes = data.nodes.map((n) => {
    const a = activity.get(n.id);
    const weight = Math.sqrt(a.events / maxEvents);
    return {
      data: {
        id: n.id, name: n.name || n.id, label: shortLabel(n.id, n.name), camp: n.camp,
        campSize: campSize.get(n.camp) || 0, colour: campColour(n.camp, campSize.get(n.camp) || 0),
        events: a.events, stories: a.stories, degree: a.degree, weight, size: 14 + 56 * weight,
      },
    };
  });
  const edges = data.edges.map((e) => ({
    data: {
      id: `${e.source}->${e.target}`, source: e.source, target: e.target, net: e.net, stories: e.stories,
      mentions: e.mentions, sourceName: e.source_name || e.source, targetName: e.target_name || e.target,
      firstSeen: e.first_seen, lastSeen: e.last_seen, amount: e.amount_usd,
      types: ALL_TYPES.filter((t) => e[t] > 0).map((t) => [t, e[t]]).sort((a, b) => b[1] - a[1]),
      colour: signColour(e.net),
      width: 1 + 7 * (Math.log1p(e.stories) / Math.log1p(maxStories)),
    },
  }));
  return { nodes, edges };
}

// Labels: the top actors (class "labelled"), the focused neighbourhood ("near"), the hovered
// or found one, always; the others only once zoomed in. Their size on screen stays readable
// at any zoom (the font size is divided by the zoom, within bounds).
function styles(view) {
  const shown = (n) => n.hasClass("labelled") || n.hasClass("near") || n.hasClass("hover");
  const fontSize = (n) => {
    const zoom = view.zoom || 1;
    if (!shown(n)) return 10;
    const screen = Math.min(Math.max((12 + 5 * n.data("weight")) * zoom, 12 + 3 * n.data("weight")), 24);
    return screen / zoom;
  };
  return [
    { selector: "node", style: {
      "background-color": "data(colour)", width: "data(size)", height: "data(size)",
      "border-width": 1, "border-color": "#fff", label: "data(label)", color: "#1a202c",
      "font-size": fontSize, "min-zoomed-font-size": 10, "text-valign": "bottom", "text-margin-y": 2,
      "text-outline-color": "#fff", "text-outline-width": (n) => fontSize(n) / 7, "text-outline-opacity": 0.9,
      "z-index": (n) => Math.round(10 * n.data("weight")),
    } },
    { selector: "node.labelled, node.near, node.hover", style: { "min-zoomed-font-size": 0, "font-weight": "bold", "z-index": 20 } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#1a202c" } },
    { selector: "edge", style: {
      "line-color": "data(colour)", width: "data(width)", opacity: 0.55,
      "curve-style": view.big ? "haystack" : "bezier", "haystack-radius": 0,
      "target-arrow-color": "data(colour)", "target-arrow-shape": view.big ? "none" : "triangle", "arrow-scale": 0.7,
    } },
    { selector: "edge.near", style: { opacity: 0.9 } },
    { selector: "edge:selected", style: { "line-color": "#1a202c", "target-arrow-color": "#1a202c", opacity: 1 } },
    { selector: ".faded", style: { opacity: 0.08, "text-opacity": 0 } },
    { selector: "node.hover", style: { "border-width": 2, "border-color": "#1a202c" } },
    { selector: ".hidden", style: { display: "none" } },
  ];
}

// Labelled actors whose boxes (the disc and the label under it, at a given zoom) overlap are
// pushed apart along the axis of least overlap: as a force during the simulation, and as a
// last few direct moves after it, when the zoom of the fitted view can be estimated.
function labelBox(n, zoom = 1) {
  const half = Math.max(n.r, (n.label * 4.2) / zoom);
  return { left: n.x - half, right: n.x + half, top: n.y - n.r, bottom: n.y + n.r + 20 / zoom };
}

function separateLabels(labelled, step, zoom = 1) {
  let moved = false;
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      const a = labelled[i];
      const b = labelled[j];
      const p = labelBox(a, zoom);
      const q = labelBox(b, zoom);
      const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (dx <= 0 || dy <= 0) continue;
      moved = true;
      if (dx < dy) {
        const sign = a.x < b.x ? -1 : 1;
        step(a, "x", sign * dx);
        step(b, "x", -sign * dx);
      } else {
        const sign = a.y < b.y ? -1 : 1;
        step(a, "y", sign * dy);
        step(b, "y", -sign * dy);
      }
    }
  }
  return moved;
}

function labelForce(labelled) {
  return (alpha) => separateLabels(labelled, (n, axis, amount) => { n[axis === "x" ? "vx" : "vy"] += amount * alpha; });
}

function extent(nodes) {
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const n of nodes) {
    left = Math.min(left, n.x - n.r);
    right = Math.max(right, n.x + n.r);
    top = Math.min(top, n.y - n.r);
    bottom = Math.max(bottom, n.y + n.r + (n.label ? 20 : 12));
  }
  return { left, right, top, bottom, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

// Pieces of the graph not connected to the largest are moved, each as a whole, onto shelves
// under the main piece (or beside it, when the main piece is taller than the view).
function packPieces(nodes, pieces, index, want) {
  const groups = pieces.map((piece) => piece.nodes().map((n) => nodes[index.get(n.id())]).filter(Boolean))
    .filter((g) => g.length).sort((a, b) => b.length - a.length);
  if (groups.length < 2) return;
  const main = extent(groups[0]);
  const gap = 40;
  const below = main.height / main.width <= want;
  let cursor = below ? main.left : main.top;
  let shelf = below ? main.bottom + gap : main.right + gap;
  let depth = 0;
  const limit = below ? Math.max(main.right, main.left + 600) : Math.max(main.bottom, main.top + 600);
  for (const group of groups.slice(1)) {
    const box = extent(group);
    const along = below ? box.width : box.height;
    const across = below ? box.height : box.width;
    if (cursor + along > limit && cursor > (below ? main.left : main.top)) {
      cursor = below ? main.left : main.top;
      shelf += depth + gap;
      depth = 0;
    }
    const dx = below ? cursor - box.left : shelf - box.left;
    const dy = below ? shelf - box.top : cursor - box.top;
    for (const n of group) { n.x += dx; n.y += dy; }
    cursor += along + gap;
    depth = Math.max(depth, across);
  }
}

// d3-force, run for a fixed number of ticks (no animation, deterministic: d3 seeds its own
// jiggle). Cooperative relations are short, stiff springs; hostile ones long and slack; every
// actor repels the others (more so the active ones) and no two overlap. With "group camps",
// each camp is pulled towards its own anchor on a ring, actors without a bloc to the centre.
export function forceLayout(eles, { big = false, group = true } = {}) {
  const d3 = window.d3;
  const nodes = eles.nodes().map((n) => ({
    id: n.id(), camp: n.data("campSize") > 1 ? n.data("camp") : null, r: n.data("size") / 2,
    weight: n.data("weight") || 0, label: n.hasClass("labelled") ? n.data("label").length : 0,
  }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  // Small pieces not connected to the rest are held near the middle (like ForceAtlas's
  // gravity), instead of drifting to the corners and shrinking the main graph.
  const pieces = eles.components();
  const biggest = Math.max(...pieces.map((c) => c.nodes().length));
  for (const piece of pieces) {
    const small = piece.nodes().length < biggest;
    for (const n of piece.nodes()) if (index.has(n.id())) nodes[index.get(n.id())].small = small;
  }
  const links = eles.edges().filter((e) => index.has(e.data("source")) && index.has(e.data("target")))
    .map((e) => ({ source: index.get(e.data("source")), target: index.get(e.data("target")), net: e.data("net") }));
  const degree = new Array(nodes.length).fill(0);
  for (const l of links) { degree[l.source] += 1; degree[l.target] += 1; }
  // Camp anchors on an ellipse (the shape of the view), biggest camp first; small camps sit
  // nearer the middle, so that the ring is not mostly empty space.
  const members = new Map();
  for (const n of nodes) if (n.camp) members.set(n.camp, (members.get(n.camp) || 0) + 1);
  const camps = [...members.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const spread = (count) => 45 * Math.sqrt(count);
  const largest = camps.length ? camps[0][1] : 0;
  const ring = camps.length < 2 ? 0 : spread(largest) + (camps.length > 2 ? spread(camps[1][1]) : 0) + 60;
  // The two biggest camps face each other (left and right), the others share the top and the
  // bottom.
  const rest = Math.max(0, camps.length - 2);
  const top = Math.ceil(rest / 2);
  const bottom = rest - top;
  const angleOf = (i) => {
    if (i < 2) return i === 0 ? Math.PI : 0;
    const j = Math.floor((i - 2) / 2);
    return (i - 2) % 2 === 0 ? Math.PI + (Math.PI * (j + 1)) / (top + 1) : (Math.PI * (j + 1)) / (bottom + 1);
  };
  const anchors = new Map(camps.map(([camp, count], i) => {
    const angle = angleOf(i);
    const r = ring * (0.35 + 0.65 * Math.sqrt(count / largest));
    return [camp, { x: r * Math.cos(angle), y: r * 0.8 * Math.sin(angle) }];
  }));
  const home = (n) => anchors.get(n.camp) || { x: 0, y: 0 };
  const pull = group ? (big ? 0.12 : 0.05) : 0.03;
  const simulation = d3.forceSimulation(nodes).stop()
    .force("link", d3.forceLink(links)
      .distance((l) => (l.net > 0 ? 40 : l.net < 0 ? 220 : 120) + nodes[l.source.index].r + nodes[l.target.index].r)
      .strength((l) => (l.net > 0 ? 0.6 : 0.04) / Math.min(degree[l.source.index], degree[l.target.index])))
    .force("charge", d3.forceManyBody().strength((n) => -60 - 300 * n.weight).theta(0.9).distanceMax(900))
    // A labelled actor keeps room for its label (below it, about 4 units a character).
    .force("collide", d3.forceCollide((n) => (n.label ? Math.max(n.r + 16, n.label * 4.6) : n.r + 4)).strength(0.9).iterations(2))
    .force("x", d3.forceX((n) => (n.small ? 0 : home(n).x)).strength((n) => (n.small ? 0.1 : n.camp ? pull : 0.03)))
    .force("y", d3.forceY((n) => (n.small ? 0 : home(n).y)).strength((n) => (n.small ? 0.1 : n.camp ? pull * 0.7 : 0.03)));
  simulation.force("labels", labelForce(nodes.filter((n) => n.label)));
  // Start every camp near its anchor, so that the ticks go to arranging, not travelling.
  nodes.forEach((n, i) => {
    const a = n.small ? { x: 0, y: 0 } : home(n);
    const radius = 10 * Math.sqrt(0.5 + i);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    n.x = a.x + radius * Math.cos(angle);
    n.y = a.y + radius * Math.sin(angle);
  });
  const ticks = big ? 200 : 300;
  simulation.alpha(1).alphaDecay(1 - 0.001 ** (1 / ticks));
  simulation.tick(ticks);
  const cy = eles.cy();
  const want = cy.height() / Math.max(1, cy.width());
  const labelled = nodes.filter((n) => n.label);
  for (let round = 0; round < 30; round++) {
    const box = extent(nodes);
    const zoom = Math.min(1.5, Math.max(0.3, Math.min(cy.width() / box.width, cy.height() / box.height)));
    if (!separateLabels(labelled, (n, axis, amount) => { n[axis] += amount / 2; }, zoom)) break;
  }
  packPieces(nodes, pieces, index, want);
  // Stretch the result (by at most 1.6) to the shape of the view, so that it fills it.
  const { width, height } = extent(nodes);
  const ratio = Math.min(1.6, Math.max(1 / 1.6, (want * width) / height));
  cy.batch(() => {
    for (const n of nodes) cy.getElementById(n.id).position(ratio >= 1 ? { x: n.x, y: n.y * ratio } : { x: n.x / ratio, y: n.y });
  });
  // Fit, but a handful of actors is not blown up to fill the screen.
  cy.fit(eles, 30);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center(eles);
  }
  return { ticks };
}

function tooltipContent(target) {
  const d = target.data();
  if (target.isNode()) {
    return [
      el("strong", {}, d.name), ` (${d.id})`,
      el("br", {}), d.camp ? `camp ${d.camp}${d.campSize < 2 ? " (alone)" : ""}` : "no camp",
      el("br", {}), `${plural(d.events, "event")} · ${plural(d.stories, "story")} · ${plural(d.degree, "relation")}`,
    ];
  }
  const types = d.types.slice(0, 4).map(([t, n]) => `${t} ${n}`).join(", ");
  return [
    el("strong", {}, `${d.sourceName} → ${d.targetName}`), ` (${d.source} → ${d.target})`,
    el("br", {}), el("span", { class: d.net > 0 ? "positive" : d.net < 0 ? "negative" : null }, signName(d.net)), `, net ${signed(d.net)}`,
    el("br", {}), `${plural(d.stories, "story")} · ${plural(d.mentions, "event")}${d.amount ? ` · ${usd(d.amount)}` : ""}`,
    types ? [el("br", {}), types] : null,
    d.firstSeen ? [el("br", {}), d.firstSeen === d.lastSeen ? d.firstSeen : `${d.firstSeen} – ${d.lastSeen}`] : null,
  ];
}

async function showEdge(panel, source, target, filters) {
  clear(panel).append(message(`Loading events ${source} → ${target} …`));
  try {
    const data = await getJSON("/api/relations/evidence", { ...filters, source, target });
    clear(panel).append(el("h2", { id: "edge-title" }, `${source} → ${target}: ${plural(data.items.length, "event")}`), eventList(data.items));
  } catch (err) {
    clear(panel).append(message(err.message, "error"));
  }
}

function checkboxGroup(selected) {
  const chosen = new Set(selected);
  const summary = el("summary", {}, selected.length ? `Event types: ${selected.join(", ")}` : "Event types: all");
  return el("details", { class: "types", id: "f-types" }, summary,
    QUAD_TYPES.map(([quad, types]) => el("fieldset", {}, el("legend", {}, quad),
      types.map((t) => el("label", {}, el("input", { type: "checkbox", name: "type", value: t, checked: chosen.has(t) }), ` ${t}`)))));
}

export async function networkView(view, params) {
  const filters = {
    since: params.since || "", until: params.until || "", type: params.type || "", include: params.include || "",
    min_confidence: params.min_confidence || "",
  };
  const local = {
    minStories: Math.max(1, Number(params.min_stories) || 1), camp: params.camp || "",
    labels: params.labels === undefined ? DEFAULT_LABELS : Math.max(0, Number(params.labels) || 0),
  };
  const types = filters.type ? filters.type.split(",").filter((t) => ALL_TYPES.includes(t)) : [];

  const dataForm = el("form", { class: "filters", id: "network-data" },
    el("label", {}, "Since ", el("input", { name: "since", type: "date", value: filters.since })),
    el("label", {}, "Until ", el("input", { name: "until", type: "date", value: filters.until })),
    checkboxGroup(types),
    el("label", {}, "Also count ", el("select", { name: "include", id: "f-include" },
      ["", "hypothetical,future", "all"].map((v) => el("option", { value: v, selected: v === filters.include }, v || "asserted only")))),
    minConfidenceFilter("f-confidence", filters.min_confidence),
    el("button", { type: "submit" }, "Update"));
  const storiesInput = el("input", { id: "f-min-stories", type: "number", min: 1, step: 1, value: local.minStories, size: 3 });
  const campSelect = el("select", { id: "f-camp" });
  const labelsInput = el("input", { id: "f-labels", type: "number", min: 0, max: 300, step: 5, value: local.labels, size: 3 });
  const searchInput = el("input", { id: "network-search", type: "search", list: "network-actors", placeholder: "actor name or code", size: 18 });
  const options = el("datalist", { id: "network-actors" });
  const searchForm = el("form", { class: "search", id: "network-find" }, searchInput, options, el("button", { type: "submit" }, "Find"));
  const pngButton = el("button", { type: "button", id: "network-png", title: "Download the current view as PNG" }, "Download PNG");
  const fitButton = el("button", { type: "button", id: "network-fit" }, "Fit");
  const groupInput = el("input", { id: "f-group", type: "checkbox", checked: params.group !== "0" });
  const relayoutButton = el("button", { type: "button", id: "network-relayout", title: "Lay out the visible actors again" }, "Re-layout");
  const viewBar = el("div", { class: "filters view-filters" },
    el("label", {}, "Min. stories per relation ", storiesInput),
    el("label", {}, "Camp ", campSelect),
    el("label", {}, "Labels for top ", labelsInput),
    el("label", { title: "Lay out each camp as a cluster" }, groupInput, " group camps"),
    searchForm, fitButton, relayoutButton, pngButton);
  const status = el("p", { id: "network-status", class: "muted" });
  const graph = el("div", { id: "cy", class: "graph", role: "img", "aria-label": "actor network" });
  const tooltip = el("div", { id: "network-tooltip", class: "tooltip", hidden: true });
  const side = el("div", { id: "edge-events", class: "panel" });
  const legendBox = el("div", { id: "network-legend" });
  view.append(el("h1", {}, "Actor network"), dataForm, viewBar, legendBox, status,
    el("div", { class: "split" }, el("div", { class: "graph-box" }, graph, tooltip), side));

  const hint = () => clear(side).append(message("Hover over an actor or a relation for details. Click an actor to focus on its neighbourhood, a relation to read the events behind it."));
  let cy = null;
  let data = null;
  const state = { zoom: 1, big: false, focused: null };

  function saveHash() {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value && value !== "0") query.set(key, value);
    if (local.minStories > 1) query.set("min_stories", local.minStories);
    if (local.camp) query.set("camp", local.camp);
    if (local.labels !== DEFAULT_LABELS) query.set("labels", local.labels);
    if (!groupInput.checked) query.set("group", "0");
    const hash = `#/network${query.toString() ? `?${query}` : ""}`;
    if (window.location.hash !== hash) window.history.replaceState(null, "", hash);
  }

  function legend() {
    const members = new Map();
    for (const n of data.nodes) if (n.camp) (members.get(n.camp) || members.set(n.camp, []).get(n.camp)).push(n);
    const activity = (code) => cy.getElementById(code).data("events") || 0;
    const items = [...members.entries()].filter(([, ms]) => ms.length > 1).sort((a, b) => a[0] - b[0]).map(([camp, ms]) => {
      const top = ms.map((n) => n.id).sort((a, b) => activity(b) - activity(a) || a.localeCompare(b));
      const swatch = el("span", { class: "swatch" });
      swatch.style.backgroundColor = campColour(camp, ms.length);
      return el("button", { type: "button", class: "legend-item camp-button", "data-camp": camp, title: `Show camp ${camp} only`,
        onclick: () => { campSelect.value = String(camp); applyFilters(); } },
      swatch, `camp ${camp} (${ms.length}): ${top.slice(0, 4).join(", ")}${top.length > 4 ? ", …" : ""}`);
    });
    const grey = el("span", { class: "swatch" });
    grey.style.backgroundColor = NO_CAMP;
    const line = (colour) => { const s = el("span", { class: "swatch line" }); s.style.backgroundColor = colour; return s; };
    return el("div", { class: "legend" }, items,
      el("span", { class: "legend-item" }, grey, "no bloc"),
      el("span", { class: "legend-item" }, line(POSITIVE), "cooperative"),
      el("span", { class: "legend-item" }, line(NEGATIVE), "hostile"),
      el("span", { class: "legend-item muted" }, "size: events · width: stories"));
  }

  function fillCamps() {
    const camps = [...new Set(data.nodes.map((n) => n.camp).filter(Boolean))].sort((a, b) => a - b);
    clear(campSelect).append(el("option", { value: "" }, "all"),
      ...camps.map((c) => el("option", { value: String(c), selected: String(c) === local.camp }, `camp ${c}`)));
    if (!camps.map(String).includes(local.camp)) local.camp = "";
  }

  function relabel() {
    cy.batch(() => {
      cy.nodes().removeClass("labelled");
      cy.nodes().not(".hidden").sort((a, b) => b.data("events") - a.data("events") || a.id().localeCompare(b.id()))
        .slice(0, local.labels).addClass("labelled");
    });
  }

  function showStatus(extra = "") {
    const nodes = cy.nodes().not(".hidden").length;
    const edges = cy.edges().not(".hidden").length;
    status.textContent = `${nodes} of ${cy.nodes().length} actors and ${edges} of ${cy.edges().length} relations shown${extra}`;
  }

  // View filters: relations below the minimum stories and actors outside the camp are hidden;
  // so are actors left without a visible relation.
  function applyFilters() {
    local.minStories = Math.max(1, Number(storiesInput.value) || 1);
    local.camp = campSelect.value;
    local.labels = Math.max(0, Number(labelsInput.value) || 0);
    cy.batch(() => {
      const camp = local.camp ? Number(local.camp) : null;
      const inCamp = (n) => camp === null || n.data("camp") === camp;
      cy.elements().removeClass("hidden");
      cy.edges().filter((e) => e.data("stories") < local.minStories || !inCamp(e.source()) || !inCamp(e.target())).addClass("hidden");
      cy.nodes().filter((n) => !inCamp(n) || n.connectedEdges().not(".hidden").length === 0).addClass("hidden");
    });
    if (state.focused && cy.getElementById(state.focused).hasClass("hidden")) unfocus();
    relabel();
    showStatus();
    saveHash();
  }

  function unfocus() {
    state.focused = null;
    cy.elements().removeClass("faded near");
    cy.elements(":selected").unselect();
    window.allegiance.focused = null;
    hint();
  }

  // Focus: the actor and its visible neighbours stay, the rest fades; the panel lists its
  // relations and links to its actor page.
  function focus(node) {
    state.focused = node.id();
    window.allegiance.focused = node.id();
    const near = node.closedNeighborhood().not(".hidden");
    cy.batch(() => {
      cy.elements().removeClass("near").addClass("faded");
      near.removeClass("faded").addClass("near");
      cy.elements(":selected").unselect();
      node.select();
    });
    const d = node.data();
    const rows = node.connectedEdges().not(".hidden").sort((a, b) => b.data("stories") - a.data("stories")).map((e) => {
      const partner = e.source().id() === d.id ? e.target() : e.source();
      const arrow = e.source().id() === d.id ? `→ ${partner.id()}` : `← ${partner.id()}`;
      return el("tr", {},
        el("td", {}, el("button", { type: "button", class: "link", onclick: () => focus(partner) }, arrow)),
        el("td", {}, partner.data("name")),
        el("td", { class: "num" }, el("span", { class: e.data("net") > 0 ? "positive" : e.data("net") < 0 ? "negative" : null }, signed(e.data("net")))),
        el("td", { class: "num" }, e.data("stories")),
        el("td", {}, el("button", { type: "button", class: "link", onclick: () => { e.select(); showEdge(side, e.data("source"), e.data("target"), filters); } }, "events")));
    });
    clear(side).append(
      el("h2", { id: "node-title" }, `${d.name} (${d.id})`),
      el("p", {}, d.camp ? `Camp ${d.camp}` : "No camp", ` · ${plural(d.events, "event")} · ${plural(d.stories, "story")} · ${plural(d.degree, "relation")} · `,
        el("a", { id: "actor-link", href: `#/actor/${encodeURIComponent(d.id)}` }, "actor page →")),
      el("table", { class: "grid" },
        el("thead", {}, el("tr", {}, ["Partner", "Name", "Net", "Stories", ""].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, rows)),
      el("p", { class: "muted" }, "Click the background to leave the focus."));
  }

  // An actor by code or name: exact first ("Ukraine", "UKR", "Ukraine (UKR)"), else the most
  // active whose code or name contains the text.
  function find(query) {
    const text = query.trim().toLowerCase();
    if (!text || !cy) return null;
    const [, name, code] = text.match(/^(.*?)\s*\(([^()]+)\)$/) || [null, text, text];
    const nodes = cy.nodes();
    const exact = nodes.filter((n) => n.id().toLowerCase() === code || n.data("name").toLowerCase() === name);
    if (exact.length) return exact[0];
    const partial = nodes.filter((n) => n.id().toLowerCase().includes(text) || n.data("name").toLowerCase().includes(text));
    return partial.length ? partial.max((n) => n.data("events")).ele : null;
  }

  function search(event) {
    if (event) event.preventDefault();
    const node = find(searchInput.value);
    if (!node) {
      status.textContent = `No actor matches “${searchInput.value}”.`;
      return;
    }
    if (node.hasClass("hidden")) {
      // The filters hid it: show everything again rather than fail to find it.
      storiesInput.value = 1;
      campSelect.value = "";
      applyFilters();
    }
    focus(node);
    const around = node.closedNeighborhood().not(".hidden");
    cy.fit(around.length > 1 ? around : node, 60);
    if (cy.zoom() > 2) { cy.zoom(2); cy.center(node); }
    showStatus(` · found ${node.data("name")} (${node.id()})`);
  }

  function download() {
    const blob = cy.png({ output: "blob", bg: "#ffffff", full: false, scale: 2 });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: "allegiance-network.png", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function runLayout(eles) {
    const started = performance.now();
    forceLayout(eles, { big: state.big, group: groupInput.checked });
    return performance.now() - started;
  }

  function bind() {
    const throttled = { pending: false };
    cy.on("zoom", () => {
      if (throttled.pending) return;
      throttled.pending = true;
      requestAnimationFrame(() => {
        throttled.pending = false;
        if (!cy || cy.destroyed()) return;
        state.zoom = cy.zoom();
        cy.nodes(".labelled, .near, .hover").updateStyle();
      });
    });
    cy.on("mouseover", "node, edge", (event) => {
      const target = event.target;
      if (target.isNode()) target.addClass("hover");
      clear(tooltip).append(...tooltipContent(target).flat(Infinity).filter(Boolean));
      tooltip.hidden = false;
      const pos = event.renderedPosition || target.renderedPosition();
      tooltip.style.left = `${Math.min(pos.x + 14, graph.clientWidth - 240)}px`;
      tooltip.style.top = `${pos.y + 14}px`;
    });
    cy.on("mouseout", "node, edge", (event) => {
      event.target.removeClass("hover");
      tooltip.hidden = true;
    });
    cy.on("tap", "edge", (event) => {
      showEdge(side, event.target.data("source"), event.target.data("target"), filters);
    });
    cy.on("tap", "node", (event) => focus(event.target));
    cy.on("tap", (event) => { if (event.target === cy) unfocus(); });
  }

  async function load() {
    const t0 = performance.now();
    hint();
    if (cy) { cy.destroy(); cy = null; }
    clear(graph);
    try {
      data = await getJSON("/api/network", filters);
    } catch (err) {
      graph.append(message(err.message, "error"));
      return;
    }
    const tData = performance.now();
    saveHash();
    if (!data.nodes.length) {
      clear(legendBox);
      status.textContent = "";
      graph.append(message("No relations for these filters."));
      return;
    }
    state.big = data.nodes.length > BIG.nodes || data.edges.length > BIG.edges;
    state.focused = null;
    const { nodes, edges } = elements(data);
    const tBuild = performance.now();
    cy = window.cytoscape({
      container: graph, elements: [...nodes, ...edges], style: styles(state), layout: { name: "null" },
      minZoom: 0.05, maxZoom: 6, boxSelectionEnabled: false,
      hideEdgesOnViewport: state.big, textureOnViewport: false, motionBlur: false,
    });
    window.allegiance = { ...(window.allegiance || {}), cy, focused: null };
    fillCamps();
    applyFilters();
    const tLayout = performance.now();
    const layoutMs = runLayout(cy.elements().not(".hidden"));
    state.zoom = cy.zoom();
    cy.nodes(".labelled").updateStyle();
    clear(options).append(...data.nodes.map((n) => el("option", { value: `${n.name || n.id} (${n.id})` })));
    clear(legendBox).append(legend());
    bind();
    // Time to first render: until the frame after the laid-out graph was drawn.
    const tDraw = performance.now();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const total = performance.now() - t0;
    const ms = (x) => Math.round(x);
    window.allegiance.timing = {
      nodes: data.nodes.length, edges: data.edges.length, fetch_ms: ms(tData - t0), build_ms: ms(tLayout - tBuild),
      layout_ms: ms(layoutMs), draw_ms: ms(performance.now() - tDraw), total_ms: ms(total),
    };
    showStatus(` · drawn in ${Math.round(total)} ms`);
  }

  dataForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(dataForm);
    const chosen = form.getAll("type").map(String);
    filters.type = chosen.length && chosen.length < ALL_TYPES.length ? chosen.join(",") : "";
    for (const key of ["since", "until", "include", "min_confidence"]) filters[key] = String(form.get(key) || "");
    // empty: the server's threshold; 0 asks for every event
    if (filters.min_confidence !== "" && !(Number(filters.min_confidence) >= 0)) filters.min_confidence = "";
    dataForm.querySelector("#f-types summary").textContent = filters.type ? `Event types: ${filters.type.split(",").join(", ")}` : "Event types: all";
    load();
  });
  for (const input of [storiesInput, campSelect, labelsInput]) input.addEventListener("change", () => cy && applyFilters());
  storiesInput.addEventListener("input", () => cy && applyFilters());
  searchForm.addEventListener("submit", search);
  // Picking a suggestion of the list searches at once.
  searchInput.addEventListener("input", () => {
    if (cy && [...options.children].some((o) => o.value === searchInput.value)) search();
  });
  pngButton.addEventListener("click", () => cy && download());
  graph.addEventListener("mouseleave", () => {
    tooltip.hidden = true;
    if (cy) cy.nodes(".hover").removeClass("hover");
  });
  fitButton.addEventListener("click", () => cy && cy.fit(cy.elements().not(".hidden"), 30));
  groupInput.addEventListener("change", () => relayoutButton.click());
  relayoutButton.addEventListener("click", () => {
    if (!cy) return;
    const ms = runLayout(cy.elements().not(".hidden"));
    showStatus(` · laid out in ${Math.round(ms)} ms`);
  });
  await load();
}

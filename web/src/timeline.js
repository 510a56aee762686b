// Event counts by period, stacked by PLOVER quad class (SVG built from DOM nodes).
import { getJSON } from "./api.js";
import { clear, el, message, svg } from "./dom.js";

export const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "unknown"];

export function timelineChart(items) {
  const periods = [...new Set(items.map((i) => i.period))].sort();
  if (!periods.length) return message("No dated events.");
  const totals = Object.fromEntries(periods.map((p) => [p, 0]));
  for (const item of items) totals[item.period] += item.events;
  const max = Math.max(...Object.values(totals));
  const width = Math.max(320, Math.min(1100, 60 + periods.length * 48));
  const height = 260;
  const plot = { left: 40, bottom: 40, top: 10 };
  const band = (width - plot.left - 10) / periods.length;
  const scale = (height - plot.bottom - plot.top) / max;
  const bars = [];
  periods.forEach((period, i) => {
    let y = height - plot.bottom;
    for (const quad of QUADS) {
      const item = items.find((it) => it.period === period && it.quad === quad);
      if (!item) continue;
      const h = item.events * scale;
      y -= h;
      bars.push(svg("rect", { x: plot.left + i * band + 4, y, width: Math.max(2, band - 8), height: h, class: `q-${quad}` },
        svg("title", {}, `${period} · ${quad.replace("_", " ")}: ${item.events}`)));
    }
    bars.push(svg("text", { x: plot.left + i * band + band / 2, y: height - plot.bottom + 16, class: "axis", "text-anchor": "middle" }, period));
  });
  const axis = [svg("text", { x: 4, y: plot.top + 10, class: "axis" }, String(max)),
    svg("line", { x1: plot.left, x2: width - 10, y1: height - plot.bottom, y2: height - plot.bottom, class: "axis-line" })];
  const legend = el("div", { class: "legend" }, QUADS.map((q) => el("span", { class: "legend-item" }, el("span", { class: `swatch q-${q}` }), q.replace("_", " "))));
  return el("div", { class: "timeline" }, svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "event counts by period and quad class" }, axis, bars), legend);
}

export async function timelineView(view, params) {
  const state = { period: params.period || "month", involving: params.involving || "" };
  const form = el("form", { class: "filters" },
    el("label", {}, "Period ", el("select", { name: "period" }, ["day", "week", "month", "year"].map((p) => el("option", { value: p, selected: p === state.period }, p)))),
    el("label", {}, "Involving ", el("input", { name: "involving", value: state.involving, size: 8 })),
    el("button", { type: "submit" }, "Show"));
  const chart = el("div", { id: "timeline" });
  view.append(el("h1", {}, "Timeline of events by quad class"), form, chart);
  async function load() {
    try {
      const data = await getJSON("/api/timeline", state);
      clear(chart).append(timelineChart(data.items));
    } catch (err) {
      clear(chart).append(message(err.message, "error"));
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const [key, value] of new FormData(form).entries()) state[key] = String(value).trim();
    load();
  });
  await load();
}

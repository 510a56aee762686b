// Located events on an offline basemap: world-atlas country shapes, d3-geo projection, SVG.
import { getJSON } from "./api.js";
import { clear, el, message, svg } from "./dom.js";
import { eventList } from "./evidence.js";

let worldPromise = null;

function world() {
  worldPromise = worldPromise || fetch("/static/vendor/countries-110m.json").then((r) => r.json());
  return worldPromise;
}

export async function mapView(view) {
  const box = el("div", { id: "map", class: "map" });
  const panel = el("div", { id: "place-events", class: "panel" }, message("Click a circle to see the events there."));
  view.append(el("h1", {}, "Map of located events"), el("div", { class: "split" }, box, panel));
  let topo;
  let data;
  try {
    [topo, data] = await Promise.all([world(), getJSON("/api/locations")]);
  } catch (err) {
    box.append(message(err.message, "error"));
    return;
  }
  const width = 900;
  const height = 470;
  const countries = window.topojson.feature(topo, topo.objects.countries);
  const projection = window.d3.geoNaturalEarth1().fitSize([width, height], countries);
  const path = window.d3.geoPath(projection);
  const shapes = countries.features.map((f) =>
    svg("path", { d: path(f) || "", class: "country" }, svg("title", {}, f.properties && f.properties.name ? f.properties.name : "")));
  const max = Math.max(1, ...data.items.map((p) => p.events));
  const dots = data.items.map((place) => {
    const [x, y] = projection([place.lon, place.lat]) || [-10, -10];
    const dot = svg("circle", { cx: x, cy: y, r: 4 + 10 * Math.sqrt(place.events / max), class: "place", tabindex: 0 },
      svg("title", {}, `${place.name || "?"}: ${place.events} events`));
    const open = () => clear(panel).append(el("h2", {}, `${place.name || "?"} (${place.events} events)`), eventList(place.sample));
    dot.addEventListener("click", open);
    dot.addEventListener("keydown", (event) => { if (event.key === "Enter") open(); });
    return dot;
  });
  box.append(svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "world map of located events" },
    svg("rect", { width, height, class: "sea" }), shapes, dots));
  if (!data.items.length) panel.append(message("No event in this store has coordinates."));
}

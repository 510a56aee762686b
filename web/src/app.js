// Hash router: each view renders into <main id="view"> from our JSON API.
import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";
import { actorView, actorsView } from "./actors.js";
import { articlesView, articleView } from "./articles.js";
import { eventsView } from "./events.js";
import { flowsView } from "./flows.js";
import { mapView } from "./map.js";
import { networkView } from "./network.js";
import { scenarioView } from "./scenario.js";
import { timelineView } from "./timeline.js";

const ROUTES = {
  network: (view, _arg, params) => networkView(view, params),
  events: (view, _arg, params) => eventsView(view, params),
  actors: (view) => actorsView(view),
  actor: (view, arg) => actorView(view, arg),
  flows: (view, _arg, params) => flowsView(view, params),
  timeline: (view, _arg, params) => timelineView(view, params),
  map: (view) => mapView(view),
  scenario: (view, _arg, params) => scenarioView(view, params),
  articles: (view, _arg, params) => articlesView(view, params),
  article: (view, arg) => articleView(view, arg),
};

function parse(hash) {
  const [path, query] = hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : null;
  return { name: name || "network", arg, params: Object.fromEntries(new URLSearchParams(query || "")) };
}

async function route() {
  const view = clear(document.getElementById("view"));
  const { name, arg, params } = parse(window.location.hash);
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("active", link.getAttribute("href") === `#/${name}`);
  }
  const render = ROUTES[name];
  document.body.dataset.view = name;
  document.body.dataset.ready = "false";
  try {
    if (!render) throw new Error(`no such page: ${name}`);
    await render(view, arg, params);
  } catch (err) {
    view.append(el("p", { class: "error" }, err.message));
  }
  document.body.dataset.ready = "true";
}

async function stats() {
  try {
    const s = await getJSON("/api/stats");
    document.getElementById("stats").textContent = `${s.articles} articles · ${s.events} events · ${s.actors} actors`;
  } catch {
    /* the header count is optional */
  }
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", () => {
  stats();
  route();
});

// Article search and the article page (text shown as text, never parsed as HTML).
import { getJSON } from "./api.js";
import { clear, el, message, safeUrl } from "./dom.js";
import { eventList } from "./evidence.js";

export async function articlesView(view, params) {
  const state = { q: params.q || "" };
  const form = el("form", { class: "filters", role: "search" },
    el("input", { name: "q", type: "search", value: state.q, placeholder: "words in title or text", size: 40 }),
    el("button", { type: "submit" }, "Search"));
  const out = el("div", { id: "articles" });
  view.append(el("h1", {}, "Articles"), form, out);
  async function load() {
    try {
      const data = await getJSON("/api/articles", { ...state, limit: 100 });
      clear(out).append(message(`${data.total} articles`), el("ul", { class: "articles" }, data.items.map((a) =>
        el("li", {}, el("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id), " ",
          el("span", { class: "muted" }, `${a.published || ""} · ${a.events} events${a.duplicate_of ? " · duplicate" : ""}`),
          el("div", { class: "snippet" }, a.snippet || "")))));
    } catch (err) {
      clear(out).append(message(err.message, "error"));
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = String(new FormData(form).get("q") || "").trim();
    load();
  });
  await load();
}

export async function articleView(view, id) {
  const a = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  const url = safeUrl(a.url);
  view.append(
    el("h1", { id: "article-title" }, a.title || a.id),
    el("p", { class: "muted" }, [a.published, a.source, a.lang].filter(Boolean).join(" · "), " ",
      url ? el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, "original") : null),
    el("h2", {}, `Events (${a.events.length})`), eventList(a.events),
    el("h2", {}, "Text"), el("pre", { class: "article-text", id: "article-text" }, a.text));
}

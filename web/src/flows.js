// Aid flows donor -> recipient in USD, each with the sentences behind it.
import { getJSON } from "./api.js";
import { clear, el, message, table, usd } from "./dom.js";

function sentences(row) {
  const items = row.sentences || [];
  return el("details", {}, el("summary", {}, `${items.length} sentence${items.length === 1 ? "" : "s"}`),
    el("ul", {}, items.map((s) => el("li", {}, typeof s === "string" ? s : s.sentence || JSON.stringify(s)))));
}

export async function flowsView(view, params) {
  const state = { donor: params.donor || "", recipient: params.recipient || "", pledged: "" };
  const pledged = el("input", { type: "checkbox", name: "pledged", id: "flows-pledged" });
  const form = el("form", { class: "filters" },
    el("label", {}, "Donor ", el("input", { name: "donor", value: state.donor, size: 8 })),
    el("label", {}, "Recipient ", el("input", { name: "recipient", value: state.recipient, size: 8 })),
    el("label", { title: "Promised aid with a figure, in rows of its own" }, pledged, " Include pledges"),
    el("button", { type: "submit" }, "Show"));
  const out = el("div", { id: "flows" });
  view.append(el("h1", {}, "Aid flows"), form, out);
  async function load() {
    try {
      const data = await getJSON("/api/flows", state);
      const max = Math.max(1, ...data.items.map((r) => r.amount_usd || 0));
      const bar = (r) => {
        const b = el("span", { class: "bar" });
        b.style.width = `${Math.round((100 * (r.amount_usd || 0)) / max)}%`;
        return el("span", { class: "bar-box" }, b);
      };
      clear(out).append(data.items.length ? table([
        { label: "Donor", cell: (r) => el("a", { href: `#/actor/${encodeURIComponent(r.donor)}` }, r.donor) },
        { label: "Recipient", cell: (r) => el("a", { href: `#/actor/${encodeURIComponent(r.recipient)}` }, r.recipient) },
        ...(state.pledged ? [{ label: "Status", cell: (r) => r.status }] : []),
        { label: "Mode", cell: (r) => r.mode },
        { label: "USD", class: "num", cell: (r) => usd(r.amount_usd) },
        { label: "", class: "wide", cell: bar },
        { label: "Stories", class: "num", cell: (r) => r.stories },
        { label: "Evidence", cell: sentences },
      ], data.items) : message("No aid events for these filters."));
    } catch (err) {
      clear(out).append(message(err.message, "error"));
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const [key, value] of new FormData(form).entries()) state[key] = String(value).trim();
    state.pledged = pledged.checked ? "true" : "";
    load();
  });
  await load();
}

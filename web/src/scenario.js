// "Without X, what support for Y remains": donors before/after, supporters, commitments.
import { getJSON } from "./api.js";
import { clear, el, message, table, usd } from "./dom.js";

const pct = (v) => (v === null || v === undefined ? "" : `${Math.round(v * 100)}%`);

function summary(s) {
  const share = s.remaining_share === null ? "no reported aid amounts" : `${pct(s.remaining_share)} of the reported aid remains`;
  return el("p", { class: "summary", id: "scenario-summary" },
    `Without ${s.without}, reported aid to ${s.recipient} falls from ${usd(s.aid_total_usd) || "$0"} to ${usd(s.aid_remaining_usd) || "$0"} (${share}). `,
    `Remaining donors: ${s.remaining_donors.join(", ") || "none"}. `,
    `Stated commitments from: ${s.committed.join(", ") || "none"}.`);
}

export async function scenarioView(view, params) {
  const state = { without: params.without || "USA", recipient: params.recipient || "UKR", include: params.include || "" };
  const form = el("form", { class: "filters" },
    el("label", {}, "Without ", el("input", { name: "without", value: state.without, size: 8 })),
    el("label", {}, "support for ", el("input", { name: "recipient", value: state.recipient, size: 8 })),
    el("button", { type: "submit" }, "Compute"));
  const out = el("div", { id: "scenario" });
  view.append(el("h1", {}, "Scenario"), form, out);
  async function load() {
    try {
      const data = await getJSON("/api/scenario", state);
      clear(out).append(
        summary(data.summary),
        el("h2", {}, "Aid by donor"),
        data.donors.length ? table([
          { label: "Donor", cell: (r) => r.donor },
          { label: "USD", class: "num", cell: (r) => usd(r.amount_usd) },
          { label: "Share before", class: "num", cell: (r) => pct(r.share_before) },
          { label: "Share after", class: "num", cell: (r) => (r.leaves ? "leaves" : pct(r.share_after)) },
          { label: "Evidence", class: "wide", cell: (r) => (r.sentences || []).join(" · ") },
        ], data.donors, { rowClass: (r) => (r.leaves ? "leaves" : null) }) : message("No aid reported."),
        el("h2", {}, "Remaining supporters"),
        data.supporters.length ? table([
          { label: "Actor", cell: (r) => r.actor },
          { label: "Net", class: "num", cell: (r) => (Math.round(r.net * 10) / 10).toString() },
          { label: "Stories", class: "num", cell: (r) => r.stories },
          { label: "Evidence", class: "wide", cell: (r) => (r.sentences || []).join(" · ") },
        ], data.supporters) : message("None."),
        el("h2", {}, "Stated commitments"),
        data.commitments.length ? table([
          { label: "Stated by", cell: (r) => r.stated_by || "" },
          { label: "Type", cell: (r) => r.type },
          { label: "Factuality", cell: (r) => el("span", { class: `badge ${r.factuality}` }, r.factuality) },
          { label: "Sentence", class: "wide", cell: (r) => r.sentence || "" },
        ], data.commitments) : message("None."));
    } catch (err) {
      clear(out).append(message(err.message, "error"));
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    for (const [key, value] of new FormData(form).entries()) state[key] = String(value).trim();
    load();
  });
  await load();
}

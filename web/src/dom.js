// DOM helpers: every piece of data goes in as a text node or an attribute, never as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Only http(s) links from data become hrefs (no javascript: or data: URLs).
export function safeUrl(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return ["http:", "https:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function usd(value) {
  if (value === null || value === undefined) return "";
  const abs = Math.abs(value);
  if (abs >= 1e9) return `$${(value / 1e9).toFixed(abs >= 1e10 ? 0 : 1)} bn`;
  if (abs >= 1e6) return `$${(value / 1e6).toFixed(abs >= 1e7 ? 0 : 1)} m`;
  return `$${Math.round(value).toLocaleString("en-US")}`;
}

export function table(columns, rows, options = {}) {
  const head = el("tr", {}, columns.map((c) => el("th", { scope: "col" }, c.label)));
  const body = rows.map((row) =>
    el("tr", { class: options.rowClass ? options.rowClass(row) : null },
      columns.map((c) => el("td", { class: c.class || null }, c.cell(row)))));
  return el("table", { class: options.class || "grid" }, el("thead", {}, head), el("tbody", {}, body));
}

export function message(text, kind = "muted") {
  return el("p", { class: kind }, text);
}

// Rendering helpers of the example page: DOM and SVG builders, number formats, a table, a
// scatter plot and a network drawing with a deterministic force layout. No analysis happens
// here: every number comes from the clusterpolicy WebAssembly module.

const SVG = "http://www.w3.org/2000/svg";

/** An HTML element: `h("td", { class: "num", dataset: { value: 1 } }, "1.0")`. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false).map((c) => (c instanceof Node ? c : String(c))));
  return el;
}

/** An SVG element with attributes. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  el.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null) continue;
    if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== "string") el[k] = v;
    else el.setAttribute(k, v);
  }
}

/** Replaces the children of the element with id `id`. */
export function fill(id, ...children) {
  const el = document.getElementById(id);
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
  return el;
}

const INT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** `x` with `digits` decimals (`null` or NaN as an en dash); integers with thousands separators when `digits` is 0. */
export function fmt(x, digits = 3) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  return digits === 0 ? INT.format(x) : x.toFixed(digits);
}

/**
 * A table. `columns`: `{ label, value(row), digits?, text?(row), key? }`; numeric cells carry
 * the full value in `data-value` and the formatted one as text.
 */
export function table(columns, rows, { caption, testid } = {}) {
  const head = h("tr", {}, columns.map((c) => h("th", { class: c.digits !== undefined ? "num" : "" }, c.label)));
  const body = rows.map((r, i) =>
    h(
      "tr",
      { dataset: { row: String(i) } },
      columns.map((c) => {
        const v = c.value(r, i);
        if (c.digits !== undefined) {
          return h("td", { class: "num", dataset: { key: c.key ?? c.label, value: String(v) } }, fmt(v, c.digits));
        }
        const cell = h("td", { dataset: { key: c.key ?? c.label } });
        cell.append(v instanceof Node ? v : String(v ?? "–"));
        return cell;
      }),
    ),
  );
  return h(
    "table",
    { dataset: testid ? { testid } : {} },
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, head),
    h("tbody", {}, body),
  );
}

/** A labelled figure: `<div class="stat"><span>label</span><strong data-value>text</strong></div>`. */
export function stat(label, value, digits = 0, testid = undefined) {
  return h(
    "div",
    { class: "stat" },
    h("span", {}, label),
    h("strong", { dataset: { value: String(value), ...(testid ? { testid } : {}) } }, fmt(value, digits)),
  );
}

/** Twelve colours that stay apart on white (Tableau 10 + 2). */
export const PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
  "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1b9e77", "#7570b3",
  "#d95f02", "#66a61e", "#e7298a", "#a6761d",
];

/** A colour per key, in the order of the sorted keys. */
export function colours(keys) {
  const sorted = [...new Set(keys)].sort();
  return new Map(sorted.map((k, i) => [k, PALETTE[i % PALETTE.length]]));
}

/** Linear scale from [d0, d1] to [r0, r1]. */
function scale(d0, d1, r0, r1) {
  const span = d1 - d0 || 1;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/** "Nice" axis ticks over [lo, hi]. */
function ticks(lo, hi, n = 5) {
  const step0 = (hi - lo) / n || 1;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= step0) ?? step0;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.round(t / step) * step);
  return out;
}

/**
 * A scatter plot. `points`: `{ x, y, colour, label, title, r? }`; `lines`: `{ x?: number, y?: number }`
 * reference lines; axis labels `xLabel`, `yLabel`.
 */
export function scatter(points, { width = 600, height = 380, xLabel = "", yLabel = "", lines = [], legend = [] } = {}) {
  const m = { top: 14, right: legend.length ? 150 : 16, bottom: 46, left: 56 };
  const xs = points.map((p) => p.x).filter(Number.isFinite);
  const ys = points.map((p) => p.y).filter(Number.isFinite);
  const pad = (lo, hi) => [lo - (hi - lo) * 0.05 || lo - 1, hi + (hi - lo) * 0.05 || hi + 1];
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const X = scale(x0, x1, m.left, width - m.right);
  const Y = scale(y0, y1, height - m.bottom, m.top);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "chart" });
  const axis = s("g", { class: "axis" });
  for (const t of ticks(x0, x1)) {
    axis.append(s("line", { x1: X(t), x2: X(t), y1: m.top, y2: height - m.bottom, class: "grid" }));
    axis.append(s("text", { x: X(t), y: height - m.bottom + 16, "text-anchor": "middle" }, fmt(t, t % 1 ? 2 : 0)));
  }
  for (const t of ticks(y0, y1)) {
    axis.append(s("line", { x1: m.left, x2: width - m.right, y1: Y(t), y2: Y(t), class: "grid" }));
    axis.append(s("text", { x: m.left - 6, y: Y(t) + 4, "text-anchor": "end" }, fmt(t, t % 1 ? 1 : 0)));
  }
  axis.append(s("text", { x: (m.left + width - m.right) / 2, y: height - 8, "text-anchor": "middle", class: "label" }, xLabel));
  axis.append(
    s("text", { x: 14, y: (m.top + height - m.bottom) / 2, transform: `rotate(-90 14 ${(m.top + height - m.bottom) / 2})`, "text-anchor": "middle", class: "label" }, yLabel),
  );
  svg.append(axis);
  for (const l of lines) {
    if (Number.isFinite(l.x)) svg.append(s("line", { x1: X(l.x), x2: X(l.x), y1: m.top, y2: height - m.bottom, class: "ref" }));
    if (Number.isFinite(l.y)) svg.append(s("line", { x1: m.left, x2: width - m.right, y1: Y(l.y), y2: Y(l.y), class: "ref" }));
  }
  const dots = s("g", { class: "dots" });
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const c = s("circle", { cx: X(p.x).toFixed(2), cy: Y(p.y).toFixed(2), r: p.r ?? 5, fill: p.colour, "data-label": p.label }, s("title", {}, p.title ?? p.label));
    dots.append(c);
    if (p.text) dots.append(s("text", { x: X(p.x) + 7, y: Y(p.y) - 6, class: "point-label" }, p.text));
  }
  svg.append(dots);
  if (legend.length) {
    const g = s("g", { class: "legend" });
    legend.forEach(([label, colour], i) => {
      g.append(s("circle", { cx: width - m.right + 16, cy: m.top + 8 + i * 16, r: 5, fill: colour }));
      g.append(s("text", { x: width - m.right + 26, y: m.top + 12 + i * 16 }, label));
    });
    svg.append(g);
  }
  return svg;
}

/**
 * Fruchterman-Reingold layout, deterministic: nodes start on a circle in input order, and
 * the temperature cools linearly. `edges`: `[i, j, weight]` index triples. Returns `[x, y]`
 * per node inside `[0, width] x [0, height]`.
 */
export function forceLayout(n, edges, { width = 600, height = 420, iterations = 220 } = {}) {
  const area = width * height;
  const k = Math.sqrt(area / Math.max(n, 1)) * 0.75;
  const pos = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / Math.max(n, 1);
    return [width / 2 + (Math.cos(a) * width) / 3, height / 2 + (Math.sin(a) * height) / 3];
  });
  const maxW = Math.max(1, ...edges.map((e) => e[2]));
  let t = width / 8;
  const disp = pos.map(() => [0, 0]);
  for (let it = 0; it < iterations; it++) {
    for (const d of disp) d[0] = d[1] = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i][0] - pos[j][0];
        let dy = pos[i][1] - pos[j][1];
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-4) {
          dx = 0.01 * (i - j);
          dy = 0.01;
          d2 = dx * dx + dy * dy;
        }
        const f = (k * k) / d2;
        disp[i][0] += dx * f;
        disp[i][1] += dy * f;
        disp[j][0] -= dx * f;
        disp[j][1] -= dy * f;
      }
    }
    for (const [i, j, w] of edges) {
      const dx = pos[i][0] - pos[j][0];
      const dy = pos[i][1] - pos[j][1];
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d / k) * (0.5 + (0.5 * w) / maxW);
      disp[i][0] -= dx * f;
      disp[i][1] -= dy * f;
      disp[j][0] += dx * f;
      disp[j][1] += dy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps components on the canvas.
      disp[i][0] -= (pos[i][0] - width / 2) * 0.02 * k / 10;
      disp[i][1] -= (pos[i][1] - height / 2) * 0.02 * k / 10;
      const d = Math.hypot(disp[i][0], disp[i][1]) || 1;
      pos[i][0] += (disp[i][0] / d) * Math.min(d, t);
      pos[i][1] += (disp[i][1] / d) * Math.min(d, t);
    }
    t = Math.max(0.5, t * 0.97);
  }
  // Fit into the box with a margin.
  const m = 18;
  const xs = pos.map((p) => p[0]);
  const ys = pos.map((p) => p[1]);
  const X = scale(Math.min(...xs), Math.max(...xs), m, width - m);
  const Y = scale(Math.min(...ys), Math.max(...ys), m, height - m);
  return pos.map(([x, y]) => [X(x), Y(y)]);
}

/** Nodes on a circle, in input order. */
export function circleLayout(n, { width = 600, height = 420 } = {}) {
  const r = Math.min(width, height) / 2 - 40;
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
    return [width / 2 + r * Math.cos(a), height / 2 + r * Math.sin(a)];
  });
}

/**
 * Draws a node-link object (`{ nodes: [{ id, label?, country? }], edges: [{ source, target, weight }] }`).
 * `style.colour(node)`, `style.radius(node, i)`, `style.highlight(node)`, `style.labels` (boolean).
 */
export function networkSvg(nodeLink, positions, style, { width = 600, height = 420 } = {}) {
  const index = new Map(nodeLink.nodes.map((n, i) => [n.id, i]));
  const maxW = Math.max(1, ...nodeLink.edges.map((e) => e.weight));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "chart network" });
  const edges = s("g", { class: "edges" });
  for (const e of nodeLink.edges) {
    const a = positions[index.get(e.source)];
    const b = positions[index.get(e.target)];
    edges.append(
      s("line", {
        x1: a[0].toFixed(1), y1: a[1].toFixed(1), x2: b[0].toFixed(1), y2: b[1].toFixed(1),
        "stroke-width": (0.4 + (3 * e.weight) / maxW).toFixed(2),
        "stroke-opacity": (0.15 + (0.5 * e.weight) / maxW).toFixed(2),
      }),
    );
  }
  svg.append(edges);
  const nodes = s("g", { class: "nodes" });
  nodeLink.nodes.forEach((n, i) => {
    const [x, y] = positions[i];
    const hl = style.highlight?.(n) ?? false;
    nodes.append(
      s("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: style.radius(n, i).toFixed(1), fill: style.colour(n), class: hl ? "hl" : "", "data-id": n.id },
        s("title", {}, n.label ? `${n.label} (${n.id})` : n.id)),
    );
    if (style.labels) nodes.append(s("text", { x: (x + style.radius(n, i) + 2).toFixed(1), y: (y + 4).toFixed(1) }, n.id));
  });
  svg.append(nodes);
  return svg;
}

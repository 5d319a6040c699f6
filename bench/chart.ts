// The bench's figures as pictures: small self-contained SVG files beside the results JSON
// (no library: a few axes, bars and lines).

const width = 720;
const font = `font-family="system-ui, sans-serif" font-size="12"`;
const colours = ["#2563eb", "#dc2626", "#16a34a", "#9333ea"];

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A round step for about `parts` ticks up to `max`. */
function tickStep(max: number, parts = 5) {
  const raw = max / parts;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw;
}

const svg = (height: number, body: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${font}>\n` +
  `<rect width="100%" height="100%" fill="white"/>\n${body.join("\n")}\n</svg>\n`;

/** Horizontal bars, one group per row (e.g. p50 and p95 of each route), with a legend. */
export function barChart(options: {
  title: string;
  unit: string;
  series: string[];
  rows: { label: string; values: number[] }[];
}) {
  const left = 200;
  const right = width - 60;
  const barHeight = 12;
  const groupHeight = options.series.length * (barHeight + 2) + 12;
  const top = 56;
  const height = top + options.rows.length * groupHeight + 40;
  const max = Math.max(...options.rows.flatMap((r) => r.values), 1);
  const step = tickStep(max);
  const scaleMax = Math.ceil(max / step) * step;
  const x = (v: number) => left + ((right - left) * v) / scaleMax;
  const body = [
    `<text x="16" y="24" font-size="15" font-weight="600">${escape(options.title)}</text>`,
    ...options.series.map(
      (name, i) =>
        `<rect x="${16 + i * 110}" y="34" width="10" height="10" fill="${colours[i]}"/>` +
        `<text x="${30 + i * 110}" y="43">${escape(name)}</text>`,
    ),
  ];
  for (let t = 0; t <= scaleMax + 1e-9; t += step) {
    body.push(
      `<line x1="${x(t)}" y1="${top - 4}" x2="${x(t)}" y2="${height - 30}" stroke="#e5e7eb"/>` +
        `<text x="${x(t)}" y="${height - 14}" text-anchor="middle" fill="#6b7280">${t} ${options.unit}</text>`,
    );
  }
  options.rows.forEach((row, r) => {
    const y0 = top + r * groupHeight;
    body.push(
      `<text x="${left - 8}" y="${y0 + groupHeight / 2}" text-anchor="end">${escape(row.label)}</text>`,
    );
    row.values.forEach((value, i) => {
      const y = y0 + i * (barHeight + 2);
      body.push(
        `<rect x="${left}" y="${y}" width="${Math.max(1, x(value) - left)}" height="${barHeight}" fill="${colours[i]}"/>` +
          `<text x="${x(value) + 4}" y="${y + barHeight - 2}" fill="#374151">${Math.round(value)}</text>`,
      );
    });
  });
  return svg(height, body);
}

/** Lines over a shared x axis (e.g. timers fired and emails received against time). */
export function lineChart(options: {
  title: string;
  xUnit: string;
  yLabel: string;
  series: { name: string; points: [number, number][] }[];
}) {
  const left = 70;
  const right = width - 44;
  const top = 56;
  const height = 340;
  const bottom = height - 40;
  const all = options.series.flatMap((s) => s.points);
  const maxX = Math.max(...all.map((p) => p[0]), 1);
  const maxY = Math.max(...all.map((p) => p[1]), 1);
  const stepX = tickStep(maxX);
  const stepY = tickStep(maxY, 4);
  const scaleX = Math.ceil(maxX / stepX) * stepX;
  const scaleY = Math.ceil(maxY / stepY) * stepY;
  const x = (v: number) => left + ((right - left) * v) / scaleX;
  const y = (v: number) => bottom - ((bottom - top) * v) / scaleY;
  const body = [
    `<text x="16" y="24" font-size="15" font-weight="600">${escape(options.title)}</text>`,
    ...options.series.map(
      (s, i) =>
        `<rect x="${16 + i * 180}" y="34" width="10" height="10" fill="${colours[i]}"/>` +
        `<text x="${30 + i * 180}" y="43">${escape(s.name)}</text>`,
    ),
  ];
  for (let t = 0; t <= scaleX + 1e-9; t += stepX) {
    body.push(
      `<line x1="${x(t)}" y1="${top}" x2="${x(t)}" y2="${bottom}" stroke="#e5e7eb"/>` +
        `<text x="${x(t)}" y="${bottom + 16}" text-anchor="middle" fill="#6b7280">${t.toLocaleString("en")} ${options.xUnit}</text>`,
    );
  }
  for (let t = 0; t <= scaleY + 1e-9; t += stepY) {
    body.push(
      `<line x1="${left}" y1="${y(t)}" x2="${right}" y2="${y(t)}" stroke="#e5e7eb"/>` +
        `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" fill="#6b7280">${t.toLocaleString("en")}</text>`,
    );
  }
  body.push(
    `<text x="16" y="${(top + bottom) / 2}" transform="rotate(-90 16 ${(top + bottom) / 2})" text-anchor="middle" fill="#374151">${escape(options.yLabel)}</text>`,
  );
  options.series.forEach((s, i) => {
    const path = s.points.map(
      ([px, py], j) => `${j ? "L" : "M"}${x(px).toFixed(1)},${y(py).toFixed(1)}`,
    );
    body.push(`<path d="${path.join(" ")}" fill="none" stroke="${colours[i]}" stroke-width="2"/>`);
  });
  return svg(height, body);
}

/** A cumulative count over time from sorted instants, thinned to about `points` points. */
export function cumulative(sortedMs: number[], points = 200): [number, number][] {
  if (sortedMs.length === 0) return [];
  const every = Math.max(1, Math.floor(sortedMs.length / points));
  const out: [number, number][] = [[0, 0]];
  for (let i = 0; i < sortedMs.length; i += every) out.push([Math.max(0, sortedMs[i]!), i + 1]);
  out.push([Math.max(0, sortedMs.at(-1)!), sortedMs.length]);
  return out;
}

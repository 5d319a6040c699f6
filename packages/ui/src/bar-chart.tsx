import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { useId } from "react";

import { cn } from "./cn";

// A bar chart drawn with visx (scales and shapes, no measuring of the page): plain SVG with a
// viewBox, so the server renders it whole and it scales to its column without a layout shift.
// Colours are the theme's tokens (light, dark and print follow them). A series is told apart by
// its fill *and* its pattern, and named in the legend; the figures are in a table for screen
// readers, and the text summary says what the chart shows.

export interface BarSeries {
  key: string;
  label: string;
}

export interface BarChartProps {
  /** Names the chart (its heading is the caller's); read before the table. */
  title: string;
  /** One or two sentences that say what the chart shows, in words. */
  summary: string;
  /** What the categories are, as the table's first column heading ("Month"). */
  categoryName: string;
  /** The x axis: one group of bars each (e.g. months); the axis shows `shortLabel` if given. */
  categories: { key: string; label: string; shortLabel?: string }[];
  series: BarSeries[];
  /** values[series.key][i] is the value at categories[i]. */
  values: Record<string, number[]>;
  /** How a value reads in the table ("3 h 20 min"). */
  formatValue?: (value: number) => string;
  /** The unit of the y axis, after its numbers ("h"). */
  unit?: string;
  /** Turns a value into the axis scale (minutes → hours). */
  scaleValue?: (value: number) => number;
  className?: string;
}

// Series fills: the theme's primary and foreground tones; the second is hatched too.
const fills = ["fill-primary", "fill-info", "fill-warning"] as const;
const swatch = ["bg-primary", "bg-info", "bg-warning"] as const;

function niceMax(max: number) {
  if (max <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => max / s <= 4) ?? power * 10;
  return Math.ceil(max / step) * step;
}

function ChartSvg({
  width,
  height,
  fontSize,
  props,
  patternId,
  compact,
}: {
  width: number;
  height: number;
  fontSize: number;
  props: BarChartProps;
  patternId: string;
  compact: boolean;
}) {
  const { categories, series, values, unit, scaleValue = (v) => v } = props;
  const margin = { top: 12, right: 8, bottom: fontSize * 2 + 6, left: fontSize * 3 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = niceMax(
    Math.max(0, ...series.flatMap((s) => (values[s.key] ?? []).map((v) => scaleValue(v)))),
  );
  const x = scaleBand({
    domain: categories.map((c) => c.key),
    range: [0, innerWidth],
    padding: 0.25,
  });
  const inner = scaleBand({
    domain: series.map((s) => s.key),
    range: [0, x.bandwidth()],
    padding: 0.1,
  });
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0] });
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  // Short names on the axis (the table has the long ones); on a narrow chart at most six.
  const every = compact && categories.length > 6 ? Math.ceil(categories.length / 6) : 1;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="block h-auto w-full overflow-visible"
      aria-hidden
      focusable="false"
      style={{ fontSize }}
    >
      <defs>
        <pattern
          id={patternId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" className={fills[1]} />
          <line x1="0" y1="0" x2="0" y2="6" strokeWidth="3" className="stroke-card" />
        </pattern>
      </defs>
      <Group left={margin.left} top={margin.top}>
        {ticks.map((tick) => (
          <g key={tick} transform={`translate(0, ${y(tick)})`}>
            <line x2={innerWidth} className="stroke-border" strokeWidth={1} />
            <text
              x={-6}
              dy="0.32em"
              textAnchor="end"
              className="fill-muted-foreground tabular-nums"
            >
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
              {tick === max && unit ? ` ${unit}` : ""}
            </text>
          </g>
        ))}
        {categories.map((category, index) => (
          <Group key={category.key} left={x(category.key) ?? 0}>
            {series.map((s, seriesIndex) => {
              const value = scaleValue(values[s.key]?.[index] ?? 0);
              const top = y(value);
              return (
                <Bar
                  key={s.key}
                  x={inner(s.key) ?? 0}
                  y={top}
                  width={inner.bandwidth()}
                  height={Math.max(0, innerHeight - top)}
                  className={seriesIndex === 1 ? undefined : fills[seriesIndex % fills.length]}
                  fill={seriesIndex === 1 ? `url(#${patternId})` : undefined}
                />
              );
            })}
            {index % every === 0 && (
              <text
                x={x.bandwidth() / 2}
                y={innerHeight + fontSize + 4}
                textAnchor="middle"
                className="fill-muted-foreground"
              >
                {category.shortLabel ?? category.label}
              </text>
            )}
          </Group>
        ))}
        <line y1={innerHeight} y2={innerHeight} x2={innerWidth} className="stroke-input" />
      </Group>
    </svg>
  );
}

export function BarChart(props: BarChartProps) {
  const { title, summary, categoryName, categories, series, values, className } = props;
  const { formatValue = String } = props;
  const id = useId();
  const patternId = `bars-${id.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <figure className={cn("space-y-3 break-inside-avoid", className)}>
      <figcaption className="text-sm text-muted-foreground">{summary}</figcaption>
      {series.length > 1 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden>
          {series.map((s, index) => (
            <li key={s.key} className="inline-flex items-center gap-1.5">
              <span
                className={cn(
                  "inline-block size-3 rounded-sm",
                  index === 1
                    ? "bg-[repeating-linear-gradient(45deg,var(--info)_0_2px,transparent_2px_4px)] ring-1 ring-info"
                    : swatch[index % swatch.length],
                )}
              />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {/* Two drawings of the same data; CSS picks one, so nothing moves once the page loads. */}
      <div className="sm:hidden">
        <ChartSvg
          width={340}
          height={200}
          fontSize={12}
          props={props}
          patternId={`${patternId}-s`}
          compact
        />
      </div>
      <div className="hidden sm:block">
        <ChartSvg
          width={760}
          height={240}
          fontSize={12}
          props={props}
          patternId={`${patternId}-l`}
          compact={false}
        />
      </div>
      {/* A table is as wide as its cells whatever its width, so the box that hides it is a div.
          On paper the table shows under its chart: the figures to read off. */}
      <div className="sr-only print:not-sr-only">
        <table className="w-full text-left text-xs tabular-nums print:[&_td]:border-t print:[&_td]:border-border print:[&_td,&_th]:px-1 print:[&_td,&_th]:py-0.5">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryName}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <tr key={category.key}>
                <th scope="row">{category.label}</th>
                {series.map((s) => (
                  <td key={s.key}>{formatValue(values[s.key]?.[index] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

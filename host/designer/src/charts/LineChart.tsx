import { colorOf } from "./palette";
import { extent, linearScale } from "./scale";
import { formatNumber } from "../ui/format";

/** One point of a series; low and high draw an error bar (e.g. a 95% confidence interval). */
export interface Point {
  x: number;
  y: number;
  low?: number;
  high?: number;
}

export interface Series {
  name: string;
  points: Point[];
}

const width = 320;
const height = 180;
const margin = { left: 44, right: 10, top: 8, bottom: 26 };

/** A small SVG line chart with markers, optional error bars and a legend. */
export function LineChart({ title, series, xLabel, xTickLabel }: { title: string; series: Series[]; xLabel?: string; xTickLabel?: (x: number) => string }) {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.flatMap((p) => [p.y, p.low ?? p.y, p.high ?? p.y]);
  const x = linearScale([Math.min(...xs), Math.max(...xs)], [margin.left, width - margin.right]);
  const y = linearScale(extent(ys), [height - margin.bottom, margin.top]);
  const xTicks = [...new Set(xs)].sort((a, b) => a - b);
  return (
    <figure className="chart" data-chart={title} style={{ margin: 0 }}>
      <div className="title">{title}</div>
      {all.length === 0 ? (
        <div className="muted" style={{ height: height / 2 }}>no values yet</div>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title}>
          {y.ticks(4).map((t) => (
            <g key={t}>
              <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#eceff3" />
              <text x={margin.left - 4} y={y(t) + 3} textAnchor="end">{formatNumber(t)}</text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text key={t} x={x(t)} y={height - margin.bottom + 12} textAnchor="middle">{xTickLabel ? xTickLabel(t) : t}</text>
          ))}
          {xLabel && <text x={(margin.left + width - margin.right) / 2} y={height - 2} textAnchor="middle">{xLabel}</text>}
          {series.map((s, i) => {
            const points = [...s.points].sort((a, b) => a.x - b.x);
            return (
              <g key={s.name} stroke={colorOf(i)} fill={colorOf(i)}>
                <polyline fill="none" strokeWidth={1.5} points={points.map((p) => `${x(p.x)},${y(p.y)}`).join(" ")} />
                {points.map((p) => (
                  <g key={p.x}>
                    {p.low !== undefined && p.high !== undefined && <line x1={x(p.x)} x2={x(p.x)} y1={y(p.low)} y2={y(p.high)} strokeWidth={1} />}
                    <circle cx={x(p.x)} cy={y(p.y)} r={2.5}>
                      <title>{`${s.name} @ ${xTickLabel ? xTickLabel(p.x) : p.x}: ${formatNumber(p.y)}${p.low !== undefined ? ` [${formatNumber(p.low)}, ${formatNumber(p.high)}]` : ""}`}</title>
                    </circle>
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      )}
      {series.length > 1 && (
        <div className="legend">
          {series.map((s, i) => (
            <span key={s.name}>
              <span className="swatch" style={{ background: colorOf(i) }} />
              {s.name}
            </span>
          ))}
        </div>
      )}
    </figure>
  );
}

import { extent, linearScale } from "./scale";
import { formatNumber } from "../ui/format";

/** A small SVG bar chart of labelled values, e.g. the annotation budget of each iteration. */
export function BarChart({ title, bars, height = 110 }: { title: string; bars: { label: string; value: number }[]; height?: number }) {
  const width = 260;
  const margin = { left: 36, right: 6, top: 14, bottom: 18 };
  const [, top] = extent([0, ...bars.map((b) => b.value)], 0.1);
  const y = linearScale([0, top], [height - margin.bottom, margin.top]);
  const slot = (width - margin.left - margin.right) / Math.max(1, bars.length);
  return (
    <figure className="chart" data-chart={title} style={{ margin: 0 }}>
      <div className="title">{title}</div>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title}>
        {y.ticks(3).map((t) => (
          <g key={t}>
            <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#eceff3" />
            <text x={margin.left - 4} y={y(t) + 3} textAnchor="end">{formatNumber(t)}</text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const x = margin.left + i * slot + slot * 0.15;
          return (
            <g key={i}>
              <rect x={x} width={slot * 0.7} y={y(bar.value)} height={Math.max(0, y(0) - y(bar.value))} fill="#2f6fed" rx={2}>
                <title>{`${bar.label}: ${formatNumber(bar.value)}`}</title>
              </rect>
              {bars.length <= 12 && <text x={x + slot * 0.35} y={y(bar.value) - 3} textAnchor="middle">{formatNumber(bar.value)}</text>}
              {bars.length <= 20 && <text x={x + slot * 0.35} y={height - 4} textAnchor="middle">{bar.label}</text>}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

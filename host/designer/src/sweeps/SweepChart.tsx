import { LineChart } from "../charts/LineChart";
import type { Cell } from "./cells";
import { cellPoints, initialX } from "./cells";

/** A metric over the iterations, one line per cell: the mean over its seeds with the 95% confidence interval. */
export function SweepChart({ cells, metric }: { cells: Cell[]; metric: string }) {
  const series = cells.map((cell) => ({
    name: cell.label,
    points: cellPoints(cell, metric).map((p) => ({
      x: p.x,
      y: p.mean,
      low: p.halfWidth === undefined ? undefined : p.mean - p.halfWidth,
      high: p.halfWidth === undefined ? undefined : p.mean + p.halfWidth,
    })),
  }));
  return (
    <div className="sweep-chart">
      <LineChart title={metric} series={series} xLabel="iteration (mean ± 95% CI over seeds)" xTickLabel={(x) => (x === initialX ? "init" : String(x))} />
    </div>
  );
}

import { formatNumber } from "../ui/format";
import { cellPoints, initialX, type Cell } from "./cells";

/** Per cell: how many seeds, and the metric's mean ± 95% CI half-width at each iteration. */
export function SweepTable({ cells, metric }: { cells: Cell[]; metric: string }) {
  const pointsByCell = cells.map((cell) => new Map(cellPoints(cell, metric).map((p) => [p.x, p])));
  const xs = [...new Set(pointsByCell.flatMap((points) => [...points.keys()]))].sort((a, b) => a - b);
  return (
    <table className="sweep-table" data-testid="sweep-table">
      <thead>
        <tr>
          <th>Cell</th>
          <th className="num">Seeds</th>
          {xs.map((x) => (
            <th key={x} className="num">
              {x === initialX ? "init" : `iteration ${x}`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cells.map((cell, i) => (
          <tr key={cell.key}>
            <td title={cell.runs.map((r) => `${r.id} (seed ${r.seed})`).join("\n")}>{cell.label}</td>
            <td className="num">{cell.runs.length}</td>
            {xs.map((x) => {
              const point = pointsByCell[i].get(x);
              return (
                <td key={x} className="num" title={point ? `n = ${point.n}` : undefined}>
                  {point ? `${formatNumber(point.mean)}${point.halfWidth === undefined ? "" : ` ± ${formatNumber(point.halfWidth)}`}` : ""}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

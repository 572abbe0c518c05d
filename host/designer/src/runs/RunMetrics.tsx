import type { IterationRecord } from "../api/types";
import { LineChart, type Series } from "../charts/LineChart";

/** The charts and the metrics each draws; metrics no chart names get a chart of their own. */
const charts = [
  { title: "Win rates", metrics: ["goldWinRate", "judgeWinRate"] },
  { title: "KL", metrics: ["kl"] },
  { title: "DPO loss", metrics: ["loss"] },
  { title: "Mean length", metrics: ["meanLength"] },
];

/** The top-level record (π⁰, before the online iterations) is drawn left of iteration 0. */
const initialX = -1;

/**
 * Where the top-level record keeps a metric's π⁰ value when it is not under the same name: its "loss" may be the SFT
 * loss of pretraining, while π⁰'s DPO loss is the "initial" node's.
 */
const initialNames: Record<string, string> = { loss: "initial.loss" };

/** A line chart per metric over the iterations. */
export function RunMetrics({ iterations }: { iterations: IterationRecord[] }) {
  const named = new Set(charts.flatMap((c) => c.metrics));
  const others = [...new Set(iterations.flatMap((r) => Object.keys(r.metrics)))].filter((m) => !named.has(m)).sort();
  const all = [...charts, ...others.map((metric) => ({ title: metric, metrics: [metric] }))];
  return (
    <div className="chart-grid">
      {all.map((chart) => (
        <LineChart key={chart.title} title={chart.title} series={chart.metrics.map((m) => seriesOf(iterations, m))} xLabel="iteration" xTickLabel={tick} />
      ))}
    </div>
  );
}

function seriesOf(iterations: IterationRecord[], metric: string): Series {
  const nameIn = (r: IterationRecord) => (r.path === "" ? (initialNames[metric] ?? metric) : metric);
  const points = iterations
    .filter((r) => typeof r.metrics[nameIn(r)] === "number" && (r.path === "" || r.index !== null))
    .map((r) => ({ x: r.path === "" ? initialX : r.index!, y: r.metrics[nameIn(r)] }));
  return { name: metric, points };
}

function tick(x: number): string {
  return x === initialX ? "init" : String(x);
}

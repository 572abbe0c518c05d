import { useMemo } from "react";
import { navigate, useLocation } from "../router/router";
import { DefinitionSelect } from "../runs/DefinitionSelect";
import { ErrorBanner } from "../ui/ErrorBanner";
import { groupCells, metricNames } from "./cells";
import { SweepChart } from "./SweepChart";
import { SweepTable } from "./SweepTable";
import { useSweepRuns } from "./useSweepRuns";

const preferredMetrics = ["goldWinRate", "judgeWinRate", "kl", "loss", "meanLength"];

/** /sweeps: a definition's succeeded runs grouped into cells of identical parameters, a metric compared across cells. */
export function SweepsPage() {
  const { query } = useLocation();
  const definition = query.get("definition") ?? "";
  const prefix = query.get("prefix") ?? "";
  const metric = query.get("metric") ?? "goldWinRate";
  const { runs, progress, error } = useSweepRuns(definition, prefix);
  const cells = useMemo(() => groupCells(runs), [runs]);
  const metrics = useMemo(() => [...new Set([...preferredMetrics, ...metricNames(cells), metric])], [cells, metric]);

  const set = (name: string, value: string) => {
    const updated = new URLSearchParams(query);
    if (value) updated.set(name, value);
    else updated.delete(name);
    navigate(`/sweeps${updated.size ? `?${updated}` : ""}`, true);
  };

  return (
    <div>
      <h1>Sweeps</h1>
      <div className="toolbar">
        <DefinitionSelect value={definition} onChange={(id) => set("definition", id)} placeholder="Pick a definition" />
        <input placeholder="Run id prefix" value={prefix} onChange={(e) => set("prefix", e.target.value.trim())} aria-label="Run id prefix" />
        <select value={metric} onChange={(e) => set("metric", e.target.value)} aria-label="Metric">
          {metrics.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        {progress && progress.loaded < progress.total && (
          <span className="muted">
            loading runs {progress.loaded}/{progress.total}…
          </span>
        )}
      </div>
      <ErrorBanner error={error} />
      {!definition && <p className="empty">Pick a definition to compare its succeeded runs, grouped by their parameters.</p>}
      {definition && progress?.total === 0 && <p className="empty">No succeeded runs of {definition}{prefix ? ` with ids starting '${prefix}'` : ""}.</p>}
      {cells.length > 0 && (
        <>
          <p className="hint">
            {runs.length} runs in {cells.length} cell{cells.length === 1 ? "" : "s"}: runs with identical parameters differ only in their seed.
          </p>
          <SweepChart cells={cells} metric={metric} />
          <h2>Mean ± 95% confidence interval (Student's t over seeds)</h2>
          <SweepTable cells={cells} metric={metric} />
        </>
      )}
    </div>
  );
}

import type { RunStatus } from "../api/types";
import { Link, navigate, useLocation } from "../router/router";
import { ErrorBanner } from "../ui/ErrorBanner";
import { StatusBadge } from "../ui/StatusBadge";
import { formatDuration, formatTime } from "../ui/format";
import { DefinitionSelect } from "./DefinitionSelect";
import { secondsBetween } from "./runTimes";
import { useRunList } from "./useRunList";

const statuses: RunStatus[] = ["pending", "running", "succeeded", "failed", "cancelled", "interrupted"];
const filterNames = ["definition", "status", "schedule"] as const;

/** /runs: every run, newest first, filtered by definition, status and schedule (the filters live in the URL). */
export function RunsPage() {
  const { query } = useLocation();
  const filter = filterNames.map((name) => (query.get(name) ? `&${name}=${encodeURIComponent(query.get(name)!)}` : "")).join("");
  const { runs, next, error, loading, loadMore } = useRunList(filter);

  const setFilter = (name: (typeof filterNames)[number], value: string) => {
    const updated = new URLSearchParams(query);
    if (value) updated.set(name, value);
    else updated.delete(name);
    navigate(`/runs${updated.size ? `?${updated}` : ""}`, true);
  };

  return (
    <div>
      <h1>Runs</h1>
      <div className="toolbar">
        <DefinitionSelect value={query.get("definition") ?? ""} onChange={(id) => setFilter("definition", id)} placeholder="Any definition" />
        <select value={query.get("status") ?? ""} onChange={(e) => setFilter("status", e.target.value)} aria-label="Status">
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <input placeholder="Schedule id" value={query.get("schedule") ?? ""} onChange={(e) => setFilter("schedule", e.target.value.trim())} aria-label="Schedule" />
      </div>
      <ErrorBanner error={error} />
      <table className="runs-table">
        <thead>
          <tr>
            <th>Run</th>
            <th>Definition</th>
            <th>Status</th>
            <th className="num">Seed</th>
            <th>Created</th>
            <th className="num">Duration</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid={`run-row-${run.id}`}>
              <td className="mono">
                <Link to={`/runs/${encodeURIComponent(run.id)}`}>{run.id}</Link>
              </td>
              <td>
                <Link to={`/definitions/${encodeURIComponent(run.definition.id)}`}>{run.definition.id}</Link>
                <span className="muted">@{run.definition.version}</span>
              </td>
              <td title={run.error ?? undefined}>
                <StatusBadge status={run.status} />
              </td>
              <td className="num">{run.seed}</td>
              <td>{formatTime(run.createdAt)}</td>
              <td className="num">{formatDuration(secondsBetween(run.createdAt, run.finishedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && runs.length === 0 && <p className="empty">No runs match these filters.</p>}
      {next && (
        <div className="toolbar load-more">
          <button onClick={loadMore}>Load more</button>
        </div>
      )}
    </div>
  );
}

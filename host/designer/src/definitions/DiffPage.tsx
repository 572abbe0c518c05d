import type { VersionSummary } from "../api/types";
import { Link, navigate, useLocation } from "../router/router";
import { useApi } from "../ui/useApi";
import { ErrorBanner } from "../ui/ErrorBanner";
import { DiffChangesTable } from "./DiffChangesTable";
import { SideBySideJson } from "./SideBySideJson";
import { diffPath } from "./diffPath";
import { loadComparison } from "./loadComparison";

/** Compares two versions of a definition, or a version with the draft: the changes and both documents side by side. */
export function DiffPage({ id }: { id: string }) {
  const { query } = useLocation();
  const base = `/api/definitions/${encodeURIComponent(id)}`;
  const { data: versions, error: versionsError } = useApi((c, signal) => c.get<VersionSummary[]>(`${base}/versions`, signal), id);
  const numbers = (versions ?? []).map((v) => v.version).sort((a, b) => a - b);
  const latest = numbers.at(-1);

  // Without a choice in the address: the latest version against the one before it, or against the draft when it is the only one.
  const from = Number(query.get("from")) || (numbers.length > 1 ? numbers[numbers.length - 2] : latest);
  const toParameter = query.get("to");
  const to: number | "draft" | undefined = toParameter === "draft" ? "draft" : Number(toParameter) || (latest === undefined ? undefined : numbers.length > 1 ? latest : "draft");

  const ready = from !== undefined && to !== undefined;
  const { data: comparison, error: comparisonError } = useApi(
    (c, signal) => (ready ? loadComparison(c, id, from, to, signal) : Promise.resolve(undefined)),
    `${id}:${from}:${to}`,
  );

  const choose = (nextFrom: number, nextTo: number | "draft") => navigate(diffPath(id, nextFrom, nextTo), true);
  const label = (which: number | "draft") => (which === "draft" ? "draft" : `v${which}`);

  return (
    <div className="diff-page">
      <h1>
        <Link to={`/definitions/${encodeURIComponent(id)}`}>{id}</Link>: compare
      </h1>
      <ErrorBanner error={versionsError ?? comparisonError} />
      {versions && numbers.length === 0 && <p className="empty">This definition was never published: there is nothing to compare yet.</p>}
      {ready && (
        <div className="toolbar">
          <label className="inline">
            From
            <select value={from} onChange={(e) => choose(Number(e.target.value), to)}>
              {numbers.map((n) => (
                <option key={n} value={n}>
                  v{n}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            To
            <select value={to} onChange={(e) => choose(from, e.target.value === "draft" ? "draft" : Number(e.target.value))}>
              {numbers.map((n) => (
                <option key={n} value={n}>
                  v{n}
                </option>
              ))}
              <option value="draft">draft</option>
            </select>
          </label>
          {comparison && <span className="hint">{comparison.changes.length} change(s)</span>}
        </div>
      )}
      {ready && comparison && (
        <>
          <h2>Changes</h2>
          <DiffChangesTable changes={comparison.changes} />
          <h2>Documents</h2>
          <SideBySideJson before={comparison.before} after={comparison.after} beforeLabel={label(from)} afterLabel={label(to)} />
        </>
      )}
    </div>
  );
}

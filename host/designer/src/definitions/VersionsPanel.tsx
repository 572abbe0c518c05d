import { useState } from "react";
import type { VersionSummary } from "../api/types";
import { useSession } from "../session/session";
import { Link } from "../router/router";
import { useApi } from "../ui/useApi";
import { ErrorBanner } from "../ui/ErrorBanner";
import { formatTime } from "../ui/format";
import { diffPath } from "./diffPath";

/** A definition's published versions, newest first, each with its export and a comparison with the one before it
 * (version numbers come from the documents, so they need not be 1, 2, 3…). */
export function VersionsPanel({ id, hasDraft }: { id: string; hasDraft: boolean }) {
  const { client } = useSession();
  const base = `/api/definitions/${encodeURIComponent(id)}`;
  const { data: versions, error } = useApi((c, signal) => c.get<VersionSummary[]>(`${base}/versions`, signal), id);
  const [exportError, setExportError] = useState<unknown>();

  if (error) return <ErrorBanner error={error} />;
  if (!versions) return <p className="hint">Loading versions…</p>;
  if (versions.length === 0) return <p className="hint">Never published: publish the draft in the designer to make version 1.</p>;

  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const latest = newestFirst[0].version;
  const exportVersion = (version: number) =>
    client.download(`${base}/versions/${version}/export`, `${id}.v${version}.json`).then(() => setExportError(undefined), setExportError);

  return (
    <div className="versions-panel">
      <ErrorBanner error={exportError} onDismiss={() => setExportError(undefined)} />
      {hasDraft && (
        <p className="hint">
          <Link to={diffPath(id, latest, "draft")}>Compare the draft with version {latest}</Link>
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th className="num">Version</th>
            <th>Published</th>
            <th>SHA-256</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v, index) => (
            <tr key={v.version}>
              <td className="num">v{v.version}</td>
              <td>{formatTime(v.publishedAt)}</td>
              <td className="mono" title={v.sha256}>
                {v.sha256.slice(0, 12)}
              </td>
              <td className="actions">
                <button className="small" onClick={() => exportVersion(v.version)}>
                  Export
                </button>
                {index + 1 < newestFirst.length && (
                  <Link to={diffPath(id, newestFirst[index + 1].version, v.version)} className="button small">
                    Compare with v{newestFirst[index + 1].version}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

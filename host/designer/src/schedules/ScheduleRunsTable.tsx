import type { RunPage } from "../api/types";
import { Link } from "../router/router";
import { useApi } from "../ui/useApi";
import { ErrorBanner } from "../ui/ErrorBanner";
import { StatusBadge } from "../ui/StatusBadge";
import { formatTime } from "../ui/format";

/** The runs a schedule started, newest first (the first page); a new refreshKey loads them again. */
export function ScheduleRunsTable({ scheduleId, refreshKey }: { scheduleId: string; refreshKey: string }) {
  const { data, error } = useApi((client, signal) => client.get<RunPage>(`/api/runs?schedule=${encodeURIComponent(scheduleId)}`, signal), `${scheduleId}#${refreshKey}`);
  if (error) return <ErrorBanner error={error} />;
  if (!data) return <p className="hint">Loading runs…</p>;
  if (data.items.length === 0) return <p className="empty">This schedule has not started a run yet.</p>;
  return (
    <>
      <table>
        <thead>
          <tr>
            <th>Run</th>
            <th>Status</th>
            <th>Definition</th>
            <th>Created</th>
            <th>Finished</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((run) => (
            <tr key={run.id}>
              <td>
                <Link to={`/runs/${encodeURIComponent(run.id)}`} className="mono">
                  {run.id}
                </Link>
              </td>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>
                {run.definition.id} v{run.definition.version}
              </td>
              <td>{formatTime(run.createdAt)}</td>
              <td>{formatTime(run.finishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.next && (
        <p className="hint">
          Older runs: <Link to={`/runs?schedule=${encodeURIComponent(scheduleId)}`}>all runs of this schedule</Link>
        </p>
      )}
    </>
  );
}

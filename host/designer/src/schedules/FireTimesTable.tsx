import { ApiError } from "../api/ApiError";
import type { CronPreview } from "./useCronPreview";
import { formatInZone } from "./formatInZone";

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The next fire times from the server's preview, in the schedule's zone and in the browser's. */
export function FireTimesTable({ preview, timeZone }: { preview: CronPreview; timeZone: string }) {
  if (preview.error) {
    // Errors naming the cron or the zone show under those fields; anything else (the server is away) shows here.
    return preview.error instanceof ApiError && preview.error.field ? null : <p className="field-error">No preview: {(preview.error as Error).message}</p>;
  }
  if (!preview.nextFireTimes) return <p className="hint">Working out the next fire times…</p>;
  if (preview.nextFireTimes.length === 0) return <p className="hint">This cron never fires again.</p>;
  const zone = timeZone.trim() || "UTC";
  return (
    <table className="fire-times">
      <thead>
        <tr>
          <th>Next fire times ({zone})</th>
          <th>Your time ({localZone})</th>
        </tr>
      </thead>
      <tbody>
        {preview.nextFireTimes.map((at) => (
          <tr key={at}>
            <td>{formatInZone(at, zone)}</td>
            <td>{formatInZone(at, localZone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

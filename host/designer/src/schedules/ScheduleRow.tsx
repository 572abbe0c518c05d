import type { Schedule } from "../api/types";
import { Link } from "../router/router";
import { CronDescription } from "./CronDescription";
import { formatInZone } from "./formatInZone";

const readOnlyReason = "Your key's role may not operate schedules";

/** One schedule in the list, with pause/resume and delete for operators. */
export function ScheduleRow({
  schedule,
  mayOperate,
  busy,
  onPause,
  onDelete,
}: {
  schedule: Schedule;
  mayOperate: boolean;
  busy: boolean;
  onPause: (paused: boolean) => void;
  onDelete: () => void;
}) {
  const next = schedule.nextFireTimes[0];
  const title = mayOperate ? undefined : readOnlyReason;
  return (
    <tr>
      <td>
        <Link to={`/schedules/${schedule.id}`}>{schedule.id}</Link> {schedule.paused && <span className="badge paused-badge">paused</span>}
      </td>
      <td>
        <code>{schedule.cron}</code>
        <div>
          <CronDescription cron={schedule.cron} />
        </div>
      </td>
      <td>{schedule.timeZone}</td>
      <td>
        <Link to={`/definitions/${encodeURIComponent(schedule.definitionId)}`}>{schedule.definitionId}</Link>{" "}
        <span className="muted">{schedule.version === null ? "latest" : `v${schedule.version}`}</span>
      </td>
      <td>
        {schedule.action}
        {schedule.action === "continue-experiment" && <div className="hint">counts {schedule.iterationParameter}</div>}
      </td>
      <td className="hint">
        misfire: {schedule.misfire}
        <br />
        overlap: {schedule.overlap}
      </td>
      <td>{schedule.paused ? <span className="muted">paused</span> : next ? formatInZone(next, schedule.timeZone) : <span className="muted">never</span>}</td>
      <td className="actions">
        <button className="small" disabled={!mayOperate || busy} title={title} onClick={() => onPause(!schedule.paused)}>
          {schedule.paused ? "Resume" : "Pause"}
        </button>
        <button className="small danger" disabled={!mayOperate || busy} title={title} onClick={onDelete}>
          Delete
        </button>
      </td>
    </tr>
  );
}

import type { RunDetail } from "../api/types";
import { Link } from "../router/router";
import { StatusBadge } from "../ui/StatusBadge";
import { formatDuration, formatTime } from "../ui/format";
import { RunActions } from "./RunActions";
import { secondsBetween } from "./runTimes";

/** The run's identity, status, seed and times, with its actions. */
export function RunHeader({ run, following, onChanged }: { run: RunDetail; following: boolean; onChanged: () => void }) {
  const wall = run.timing?.wallSeconds ?? secondsBetween(run.startedAt, run.finishedAt);
  return (
    <header className="run-header">
      <div>
        <h1>
          Run <span className="mono">{run.id}</span>{" "}
          <span data-testid="run-status" data-status={run.status}>
            <StatusBadge status={run.status} />
          </span>
          {following && <span className="live-dot" title="following the run's events" />}
        </h1>
        <div className="run-facts">
          <span>
            Definition <Link to={`/definitions/${encodeURIComponent(run.definition.id)}`}>{run.definition.id}</Link>@{run.definition.version}
          </span>
          <span>Seed {run.seed}</span>
          <span>Created {formatTime(run.createdAt)}</span>
          {run.startedAt && <span>Started {formatTime(run.startedAt)}</span>}
          {run.finishedAt && <span>Finished {formatTime(run.finishedAt)}</span>}
          {wall !== undefined && <span>Wall time {formatDuration(wall)}</span>}
          {run.timing && <span title="share of the wall time spent outside activities">Overhead {(run.timing.outsideActivitiesShare * 100).toFixed(1)}%</span>}
        </div>
      </div>
      <RunActions run={run} onChanged={onChanged} />
    </header>
  );
}

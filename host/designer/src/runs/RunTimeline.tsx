import type { JournalEntry, RunDetail } from "../api/types";
import { formatDuration } from "../ui/format";
import { isActive } from "./runTimes";
import { attemptSpans } from "./timeline";

const rowHeight = 18;
const labelWidth = 220;
const barsWidth = 760;

/** A bar per node attempt from its start to its end, on the scale of the run's duration. */
export function RunTimeline({ run, journal }: { run: RunDetail; journal: JournalEntry[] }) {
  const spans = attemptSpans(journal);
  if (!spans.length) return <p className="empty">No node has started yet.</p>;
  const origin = Date.parse(run.startedAt ?? journal[0].at);
  const now = isActive(run.status) ? Date.now() : Date.parse(run.finishedAt ?? journal.at(-1)!.at);
  const end = Math.max(now, ...spans.map((s) => s.end ?? now));
  const scale = barsWidth / Math.max(1, end - origin);
  const x = (time: number) => labelWidth + Math.max(0, time - origin) * scale;
  const height = spans.length * rowHeight + 20;
  return (
    <svg className="timeline" width={labelWidth + barsWidth + 10} height={height} data-testid="timeline">
      {spans.map((span, i) => {
        const finish = span.end ?? now;
        const label = `${span.node}${span.attempt > 1 ? ` (attempt ${span.attempt})` : ""}`;
        return (
          <g key={`${span.node}#${span.attempt}`} transform={`translate(0, ${i * rowHeight})`}>
            <text x={labelWidth - 6} y={rowHeight - 5} textAnchor="end">
              {label}
            </text>
            <rect className={`bar run-${span.status}`} x={x(span.start)} y={3} width={Math.max(2, (finish - span.start) * scale)} height={rowHeight - 6} rx={2}>
              <title>{`${label}: ${span.status}\n${new Date(span.start).toLocaleTimeString()} → ${span.end ? new Date(span.end).toLocaleTimeString() : "…"} (${formatDuration((finish - span.start) / 1000)})`}</title>
            </rect>
          </g>
        );
      })}
      <text x={labelWidth} y={height - 4}>
        0
      </text>
      <text x={labelWidth + barsWidth} y={height - 4} textAnchor="end">
        {formatDuration((end - origin) / 1000)}
      </text>
    </svg>
  );
}

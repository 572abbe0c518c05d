import { useState } from "react";
import type { DefinitionSummary, Schedule } from "../api/types";
import { useSession } from "../session/session";
import { Link, navigate } from "../router/router";
import { useApi } from "../ui/useApi";
import { ErrorBanner } from "../ui/ErrorBanner";
import { formatTime } from "../ui/format";
import { ScheduleEditorForm } from "./ScheduleEditorForm";
import { ScheduleRunsTable } from "./ScheduleRunsTable";
import { formOf, newScheduleForm } from "./scheduleForm";

/** Creates a schedule (/schedules/new) or shows and edits one, with the runs it started; read-only for non-operators. */
export function ScheduleEditorPage({ id }: { id?: string }) {
  const { me } = useSession();
  const isNew = id === undefined;
  const { data: schedule, error: scheduleError, setData: setSchedule } = useApi(
    (client, signal) => (id === undefined ? Promise.resolve(undefined) : client.get<Schedule>(`/api/schedules/${encodeURIComponent(id)}`, signal)),
    id ?? "",
  );
  const { data: definitions, error: definitionsError } = useApi((client, signal) => client.get<DefinitionSummary[]>("/api/definitions", signal), "definitions");
  const [savedAt, setSavedAt] = useState<string>();
  const readOnly = !me.may.operateRuns;

  const saved = (stored: Schedule) => {
    setSavedAt(new Date().toISOString());
    if (isNew) navigate(`/schedules/${encodeURIComponent(stored.id)}`, true);
    else setSchedule(stored);
  };

  const loaded = definitions && (isNew || schedule);
  return (
    <div className="schedule-editor-page">
      <p className="hint">
        <Link to="/schedules">Schedules</Link> /
      </p>
      <h1>
        {isNew ? "New schedule" : id} {schedule?.paused && <span className="badge paused-badge">paused</span>}
      </h1>
      {readOnly && <p className="hint">Your key's role may not change schedules: the form is read-only.</p>}
      {savedAt && <p className="saved-note">Saved at {formatTime(savedAt)}.</p>}
      <ErrorBanner error={scheduleError ?? definitionsError} />
      {loaded && (
        <ScheduleEditorForm
          key={schedule?.id ?? "new"}
          initial={schedule ? formOf(schedule) : newScheduleForm}
          isNew={isNew}
          definitions={definitions}
          readOnly={readOnly}
          onSaved={saved}
        />
      )}
      {!isNew && (
        <>
          <h2>Runs it started</h2>
          <ScheduleRunsTable scheduleId={id} refreshKey={savedAt ?? ""} />
        </>
      )}
    </div>
  );
}

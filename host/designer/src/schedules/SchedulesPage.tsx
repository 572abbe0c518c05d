import { useState } from "react";
import type { Schedule } from "../api/types";
import { useSession } from "../session/session";
import { navigate } from "../router/router";
import { useApi } from "../ui/useApi";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ScheduleRow } from "./ScheduleRow";

/** Every schedule: when it fires, what it runs, its policies; operators pause, resume, delete and create them. */
export function SchedulesPage() {
  const { client, me } = useSession();
  const { data: schedules, error: loadError, reload } = useApi((c, signal) => c.get<Schedule[]>("/api/schedules", signal), "schedules");
  const [busyId, setBusyId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const mayOperate = me.may.operateRuns;

  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusyId(id);
    setError(undefined);
    try {
      await action();
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusyId(undefined);
    }
  };
  const path = (id: string) => `/api/schedules/${encodeURIComponent(id)}`;
  const pause = (id: string, paused: boolean) => act(id, () => client.post(`${path(id)}/${paused ? "pause" : "resume"}`));
  const remove = (id: string) => {
    if (confirm(`Delete the schedule '${id}'? The runs it started stay.`)) void act(id, () => client.delete(path(id)));
  };

  return (
    <div className="schedules-page">
      <h1>Schedules</h1>
      <div className="toolbar">
        <span className="spacer" />
        <button className="primary" disabled={!mayOperate} title={mayOperate ? undefined : "Your key's role may not operate schedules"} onClick={() => navigate("/schedules/new")}>
          New schedule
        </button>
      </div>
      <ErrorBanner error={loadError ?? error} onDismiss={error ? () => setError(undefined) : undefined} />
      {schedules && schedules.length === 0 && <p className="empty">No schedules yet.</p>}
      {schedules && schedules.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Id</th>
              <th>Cron</th>
              <th>Time zone</th>
              <th>Definition</th>
              <th>Action</th>
              <th>Policies</th>
              <th>Next fire time</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <ScheduleRow key={s.id} schedule={s} mayOperate={mayOperate} busy={busyId === s.id} onPause={(paused) => pause(s.id, paused)} onDelete={() => remove(s.id)} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

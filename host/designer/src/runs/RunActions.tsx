import { useState } from "react";
import type { RunDetail } from "../api/types";
import { navigate } from "../router/router";
import { useSession } from "../session/session";
import { ErrorBanner } from "../ui/ErrorBanner";
import { isActive } from "./runTimes";

/** Cancel, resume and delete, as the run's state allows; disabled with a reason for a role that may not operate runs. */
export function RunActions({ run, onChanged }: { run: RunDetail; onChanged: () => void }) {
  const { client, me } = useSession();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const path = `/api/runs/${encodeURIComponent(run.id)}`;
  const act = async (action: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      after();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const remove = () => {
    if (confirm(`Delete run ${run.id}, its journal and the artifacts no other run uses?`)) act(() => client.delete(path), () => navigate("/runs"));
  };
  const refused = me.may.operateRuns ? undefined : `the ${me.role} role may not operate runs`;
  const active = isActive(run.status);
  return (
    <div className="run-actions">
      {active && (
        <button className="danger" disabled={busy || !!refused} title={refused} onClick={() => act(() => client.post(`${path}/cancel`), onChanged)}>
          Cancel
        </button>
      )}
      {["failed", "cancelled", "interrupted"].includes(run.status) && (
        <button className="primary" disabled={busy || !!refused} title={refused} onClick={() => act(() => client.post(`${path}/resume`), onChanged)}>
          Resume
        </button>
      )}
      {!active && (
        <button className="danger" disabled={busy || !!refused} title={refused} onClick={remove}>
          Delete
        </button>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </div>
  );
}

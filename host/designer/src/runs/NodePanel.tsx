import { useState } from "react";
import type { DefinitionDocument, RunDetail } from "../api/types";
import { findNode } from "../designer/model/paths";
import { useSession } from "../session/session";
import { ErrorBanner } from "../ui/ErrorBanner";
import { StatusBadge } from "../ui/StatusBadge";
import { formatDuration } from "../ui/format";
import { NodeLog } from "./NodeLog";
import { OutputValue } from "./OutputValue";
import { resolveInputs } from "./resolveInputs";

/** The clicked node in the run: its state, error, inputs as resolved, outputs, log, and a retry when it failed. */
export function NodePanel({ run, doc, definitionPath, runtimePath, status, onRetried }: {
  run: RunDetail;
  doc: DefinitionDocument;
  definitionPath: string;
  runtimePath: string | undefined;
  status: string;
  onRetried: () => void;
}) {
  const spec = findNode(doc, definitionPath);
  const state = run.nodes.find((n) => n.path === runtimePath);
  return (
    <aside className="node-panel" data-testid="node-panel">
      <h2 className="mono">{runtimePath ?? definitionPath}</h2>
      <dl className="facts">
        <dt>Activity</dt>
        <dd>{spec?.activity ?? (spec?.loop ? "loop" : "")}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={status} />
        </dd>
        {state && (
          <>
            <dt>Attempts</dt>
            <dd>{state.attempts}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(state.seconds)}</dd>
          </>
        )}
      </dl>
      {spec?.description && <p className="hint">{spec.description}</p>}
      {state?.error && (
        <>
          <h3>Error</h3>
          <pre className="node-error">{state.error}</pre>
        </>
      )}
      {state?.status === "failed" && runtimePath && <RetryButton runId={run.id} path={runtimePath} onRetried={onRetried} />}
      {runtimePath && spec?.activity && <InputsTable run={run} doc={doc} runtimePath={runtimePath} />}
      {state?.outputs && <OutputsTable runId={run.id} path={state.path} outputs={state.outputs} />}
      {runtimePath && (
        <>
          <h3>Log</h3>
          <NodeLog runId={run.id} path={runtimePath} status={status} />
        </>
      )}
      {!runtimePath && <p className="hint">Pick an iteration to see this node's inputs and log.</p>}
    </aside>
  );
}

function InputsTable({ run, doc, runtimePath }: { run: RunDetail; doc: DefinitionDocument; runtimePath: string }) {
  const inputs = resolveInputs(doc, run, runtimePath);
  if (!inputs.length) return null;
  return (
    <>
      <h3>Inputs</h3>
      <table className="compact">
        <tbody>
          {inputs.map((input) => (
            <tr key={input.name}>
              <td>{input.name}</td>
              <td>
                {input.resolved ? <OutputValue runId={run.id} fileName={`${runtimePath.replace(/\//g, "_")}.${input.name}`} value={input.value} /> : <span className="muted">not known yet</span>}
                {input.bound && <div className="hint mono">{String(input.expression)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function OutputsTable({ runId, path, outputs }: { runId: string; path: string; outputs: Record<string, unknown> }) {
  return (
    <>
      <h3>Outputs</h3>
      <table className="compact">
        <tbody>
          {Object.entries(outputs).map(([name, value]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>
                <OutputValue runId={runId} fileName={`${path.replace(/\//g, "_")}.${name}`} value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RetryButton({ runId, path, onRetried }: { runId: string; path: string; onRetried: () => void }) {
  const { client, me } = useSession();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await client.post(`/api/runs/${encodeURIComponent(runId)}/nodes/${path.split("/").map(encodeURIComponent).join("/")}/retry`);
      onRetried();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="retry">
      <button className="primary" onClick={retry} disabled={busy || !me.may.operateRuns} title={me.may.operateRuns ? "Resume the run from this node" : `the ${me.role} role may not operate runs`}>
        Retry from this node
      </button>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </div>
  );
}

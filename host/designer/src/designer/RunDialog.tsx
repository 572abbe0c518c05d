import { useState } from "react";
import type { RunSummary, VersionResponse } from "../api/types";
import { ParameterForm } from "../forms/ParameterForm";
import { changedParameterValues, parameterErrors, type ParameterTexts } from "../forms/parameterValues";
import { parseInteger } from "../forms/parseValue";
import { navigate } from "../router/router";
import { useSession } from "../session/session";
import { ErrorBanner } from "../ui/ErrorBanner";

/** Starts a run of a published version: its parameters as a form (empty keeps the default) and a seed. */
export function RunDialog({ version, onClose }: { version: VersionResponse; onClose: () => void }) {
  const { client } = useSession();
  const specs = version.definition.parameters ?? {};
  const [texts, setTexts] = useState<ParameterTexts>({});
  const [seed, setSeed] = useState("1");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const invalid = Object.keys(parameterErrors(specs, texts)).length > 0 || parseInteger(seed) === undefined;

  const start = async () => {
    setBusy(true);
    try {
      const run = await client.post<RunSummary>("/api/runs", { definitionId: version.id, version: version.version, parameters: changedParameterValues(specs, texts), seed: parseInteger(seed) });
      navigate(`/runs/${encodeURIComponent(run.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog card" role="dialog" aria-label="Start a run" onClick={(e) => e.stopPropagation()} data-testid="run-dialog">
        <h2>
          Run {version.id} v{version.version}
        </h2>
        <ErrorBanner error={error} />
        <ParameterForm specs={specs} texts={texts} disabled={busy} onChange={(name, text) => setTexts((t) => ({ ...t, [name]: text }))} />
        <label>
          Seed
          <input value={seed} onChange={(e) => setSeed(e.target.value)} className={parseInteger(seed) === undefined ? "invalid" : undefined} data-testid="run-seed" />
        </label>
        <div className="toolbar">
          <span className="spacer" />
          <button onClick={onClose}>Cancel</button>
          <button className="primary" disabled={busy || invalid} onClick={start} data-testid="start-run">
            Start run
          </button>
        </div>
      </div>
    </div>
  );
}

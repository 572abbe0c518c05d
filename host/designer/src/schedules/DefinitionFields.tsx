import type { DefinitionSummary, VersionSummary } from "../api/types";
import { ServerFieldError } from "../forms/ServerFieldError";
import { useApi } from "../ui/useApi";

/** Which published definition a tick runs, and which version: a fixed one or the latest at each tick. */
export function DefinitionFields({
  definitions,
  definitionId,
  version,
  disabled,
  error,
  onChange,
}: {
  definitions: DefinitionSummary[];
  definitionId: string;
  version: string;
  disabled: boolean;
  error: unknown;
  onChange: (definitionId: string, version: string) => void;
}) {
  const published = definitions.filter((d) => d.latestVersion !== null);
  const { data: versions } = useApi(
    (client, signal) =>
      definitionId ? client.get<VersionSummary[]>(`/api/definitions/${encodeURIComponent(definitionId)}/versions`, signal) : Promise.resolve([]),
    definitionId,
  );
  const known = published.some((d) => d.id === definitionId);
  return (
    <div className="row">
      <div className="form-field">
        <label htmlFor="schedule-definition">Definition</label>
        <select id="schedule-definition" value={definitionId} disabled={disabled} onChange={(e) => onChange(e.target.value, "")} className={error ? "invalid" : undefined}>
          <option value="">Choose a published definition…</option>
          {/* A schedule may name a definition that is gone since; keep it visible. */}
          {definitionId && !known && <option value={definitionId}>{definitionId}</option>}
          {published.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name && d.name !== d.id ? `${d.id} — ${d.name}` : d.id}
            </option>
          ))}
        </select>
        {published.length === 0 && <div className="hint">No definition is published yet: publish one in the designer first.</div>}
        <ServerFieldError error={error} field="definitionId" />
      </div>
      <div className="form-field">
        <label htmlFor="schedule-version">Version</label>
        <select id="schedule-version" value={version} disabled={disabled || !definitionId} onChange={(e) => onChange(definitionId, e.target.value)}>
          <option value="">latest at each tick</option>
          {[...(versions ?? [])]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <option key={v.version} value={String(v.version)}>
                v{v.version}
              </option>
            ))}
        </select>
        <ServerFieldError error={error} field="version" />
      </div>
    </div>
  );
}

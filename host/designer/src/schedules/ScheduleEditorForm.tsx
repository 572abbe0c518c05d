import { useState, type FormEvent } from "react";
import type { DefinitionSummary, Schedule } from "../api/types";
import { useSession } from "../session/session";
import { ParameterForm } from "../forms/ParameterForm";
import { ServerFieldError } from "../forms/ServerFieldError";
import { parameterErrors } from "../forms/parameterValues";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ActionFields } from "./ActionFields";
import { CronField } from "./CronField";
import { DefinitionFields } from "./DefinitionFields";
import { FireTimesTable } from "./FireTimesTable";
import { PolicyFields } from "./PolicyFields";
import { TimeZoneField } from "./TimeZoneField";
import { requestOf, scheduleIdError, seedError, type ScheduleForm } from "./scheduleForm";
import { useCronPreview } from "./useCronPreview";
import { useVersionDocument } from "./useVersionDocument";

/** The schedule's fields, checked as they are typed; Save stores it (PUT) and reports what the server refused where it belongs. */
export function ScheduleEditorForm({
  initial,
  isNew,
  definitions,
  readOnly,
  onSaved,
}: {
  initial: ScheduleForm;
  isNew: boolean;
  definitions: DefinitionSummary[];
  readOnly: boolean;
  onSaved: (schedule: Schedule) => void;
}) {
  const { client } = useSession();
  const [form, setForm] = useState(initial);
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const preview = useCronPreview(form.cron, form.timeZone);
  const update = (change: Partial<ScheduleForm>) => setForm((current) => ({ ...current, ...change }));

  const latest = definitions.find((d) => d.id === form.definitionId)?.latestVersion ?? undefined;
  const { data: chosen, error: versionError } = useVersionDocument(form.definitionId, form.version === "" ? latest : Number(form.version));
  const specs = chosen?.definition.parameters ?? {};

  const idError = isNew ? scheduleIdError(form.id) : undefined;
  const problems = [idError, seedError(form.seed), form.definitionId ? undefined : "choose a definition", ...Object.values(parameterErrors(specs, form.parameters))];
  const blocked = problems.some(Boolean);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(undefined);
    try {
      onSaved(await client.put<Schedule>(`/api/schedules/${encodeURIComponent(form.id)}`, requestOf(form, specs)));
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card schedule-form" onSubmit={save}>
      <ErrorBanner error={saveError} onDismiss={() => setSaveError(undefined)} />
      {isNew && (
        <div className="form-field">
          <label htmlFor="schedule-id">Id</label>
          <input id="schedule-id" value={form.id} disabled={readOnly} onChange={(e) => update({ id: e.target.value })} placeholder="e.g. nightly-budget" className={form.id && idError ? "invalid" : undefined} />
          {form.id && idError && <div className="field-error">{idError}</div>}
          <ServerFieldError error={saveError} field="id" />
        </div>
      )}
      <div className="row">
        <CronField cron={form.cron} disabled={readOnly} errors={[preview.error, saveError]} onChange={(cron) => update({ cron })} />
        <TimeZoneField timeZone={form.timeZone} disabled={readOnly} errors={[preview.error, saveError]} onChange={(timeZone) => update({ timeZone })} />
      </div>
      <FireTimesTable preview={preview} timeZone={form.timeZone} />

      <h2>What it runs</h2>
      <DefinitionFields
        definitions={definitions}
        definitionId={form.definitionId}
        version={form.version}
        disabled={readOnly}
        error={saveError}
        onChange={(definitionId, version) => update({ definitionId, version })}
      />
      <ErrorBanner error={versionError} />
      {chosen && (
        <>
          <h3>Parameters</h3>
          <ParameterForm specs={specs} texts={form.parameters} disabled={readOnly} onChange={(name, text) => update({ parameters: { ...form.parameters, [name]: text } })} />
        </>
      )}
      <div className="form-field">
        <label htmlFor="schedule-seed">Seed</label>
        <input id="schedule-seed" value={form.seed} disabled={readOnly} onChange={(e) => update({ seed: e.target.value })} placeholder="derived per tick" inputMode="numeric" className={seedError(form.seed) ? "invalid" : undefined} />
        {seedError(form.seed) && <div className="field-error">{seedError(form.seed)}</div>}
        <ServerFieldError error={saveError} field="seed" />
      </div>

      <h2>Policies</h2>
      <ActionFields
        action={form.action}
        iterationParameter={form.iterationParameter}
        specs={specs}
        disabled={readOnly}
        error={saveError}
        onChange={(action, iterationParameter) => update({ action, iterationParameter })}
      />
      <PolicyFields misfire={form.misfire} overlap={form.overlap} disabled={readOnly} onChange={update} />
      <label className="inline">
        <input type="checkbox" checked={form.paused} disabled={readOnly} onChange={(e) => update({ paused: e.target.checked })} />
        Paused <span className="hint">no ticks until resumed</span>
      </label>

      {!readOnly && (
        <div className="toolbar form-actions">
          <button type="submit" className="primary" disabled={saving || blocked} title={blocked ? "Fix the fields marked above first" : undefined}>
            {saving ? "Saving…" : isNew ? "Create schedule" : "Save"}
          </button>
        </div>
      )}
    </form>
  );
}

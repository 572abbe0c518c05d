import { ServerFieldError } from "../forms/ServerFieldError";
import { CronDescription } from "./CronDescription";
import { cronPresets } from "./cronPresets";

/** The cron text with presets, its meaning in words, and the server's objection (from the preview or the save). */
export function CronField({ cron, disabled, errors, onChange }: { cron: string; disabled: boolean; errors: unknown[]; onChange: (cron: string) => void }) {
  return (
    <div className="form-field">
      <label htmlFor="schedule-cron">Cron (seconds minutes hours day-of-month month day-of-week [year])</label>
      <input id="schedule-cron" className="mono cron-input" value={cron} disabled={disabled} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      {!disabled && (
        <div className="presets">
          {cronPresets.map((preset) => (
            <button key={preset.cron} type="button" className="small" onClick={() => onChange(preset.cron)} title={preset.cron}>
              {preset.label}
            </button>
          ))}
        </div>
      )}
      <div>
        <CronDescription cron={cron} />
      </div>
      {errors.map((error, index) => (
        <ServerFieldError key={index} error={error} field="cron" />
      ))}
    </div>
  );
}

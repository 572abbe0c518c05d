import { ServerFieldError } from "../forms/ServerFieldError";

// The browser's IANA zones to suggest; the server decides which it knows.
const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

/** The cron's time zone: free text with the browser's zones as suggestions. */
export function TimeZoneField({ timeZone, disabled, errors, onChange }: { timeZone: string; disabled: boolean; errors: unknown[]; onChange: (zone: string) => void }) {
  return (
    <div className="form-field">
      <label htmlFor="schedule-zone">Time zone</label>
      <input id="schedule-zone" list="schedule-zones" value={timeZone} disabled={disabled} onChange={(e) => onChange(e.target.value)} placeholder="UTC" />
      <datalist id="schedule-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {errors.map((error, index) => (
        <ServerFieldError key={index} error={error} field="timeZone" />
      ))}
    </div>
  );
}

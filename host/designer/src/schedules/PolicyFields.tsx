/** The misfire and overlap policies, each option with what it means. */
const misfireOptions = [
  { value: "fire-once-now", meaning: "one run now for all the ticks missed while no server was up or the schedule was paused" },
  { value: "skip", meaning: "no run for missed ticks; the next tick on schedule" },
];

const overlapOptions = [
  { value: "skip", meaning: "no run for a tick while this schedule's previous run has not ended" },
  { value: "buffer-one", meaning: "one run waits for the running one to end; further ticks meanwhile are skipped" },
  { value: "allow", meaning: "start anyway: the runs overlap" },
];

export function PolicyFields({
  misfire,
  overlap,
  disabled,
  onChange,
}: {
  misfire: string;
  overlap: string;
  disabled: boolean;
  onChange: (policies: { misfire: string; overlap: string }) => void;
}) {
  return (
    <div className="row">
      <PolicySelect id="schedule-misfire" label="Missed ticks" value={misfire} options={misfireOptions} disabled={disabled} onChange={(value) => onChange({ misfire: value, overlap })} />
      <PolicySelect id="schedule-overlap" label="While a run is going" value={overlap} options={overlapOptions} disabled={disabled} onChange={(value) => onChange({ misfire, overlap: value })} />
    </div>
  );
}

function PolicySelect({
  id,
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; meaning: string }[];
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div className="form-field policy-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.value}
          </option>
        ))}
      </select>
      <div className="hint">{options.find((option) => option.value === value)?.meaning}</div>
    </div>
  );
}

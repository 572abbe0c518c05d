import type { ParameterSpec } from "../api/types";
import { ServerFieldError } from "../forms/ServerFieldError";
import type { ScheduleAction } from "./scheduleForm";

/** What a tick does: start a run, or continue an experiment by counting up one of its integer parameters. */
export function ActionFields({
  action,
  iterationParameter,
  specs,
  disabled,
  error,
  onChange,
}: {
  action: ScheduleAction;
  iterationParameter: string;
  specs: Record<string, ParameterSpec>;
  disabled: boolean;
  error: unknown;
  onChange: (action: ScheduleAction, iterationParameter: string) => void;
}) {
  const integers = Object.keys(specs).filter((name) => specs[name].type === "integer");
  return (
    <fieldset className="form-field" disabled={disabled}>
      <legend>Each tick</legend>
      <label className="inline">
        <input type="radio" name="schedule-action" checked={action === "start-run"} onChange={() => onChange("start-run", iterationParameter)} />
        starts a run <span className="hint">with these parameters and seed</span>
      </label>
      <label className="inline">
        <input type="radio" name="schedule-action" checked={action === "continue-experiment"} onChange={() => onChange("continue-experiment", iterationParameter)} />
        continues the experiment <span className="hint">one iteration more than the last succeeded run, reusing its work</span>
      </label>
      {action === "continue-experiment" && (
        <label className="inline iteration-parameter">
          counting iterations in
          <select value={iterationParameter} onChange={(e) => onChange(action, e.target.value)}>
            {!integers.includes(iterationParameter) && <option value={iterationParameter}>{iterationParameter} (not an integer parameter)</option>}
            {integers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ServerFieldError error={error} field="iterationParameter" />
    </fieldset>
  );
}

import type { ParameterSpec } from "../api/types";
import { validateValue } from "./validateValue";
import type { ParameterTexts } from "./parameterValues";

/**
 * Inputs for a definition's parameters, generated from their specs: a select for an enum or a boolean, a text input
 * otherwise, the default as placeholder and each value checked as it is typed. An empty input keeps the default.
 */
export function ParameterForm({
  specs,
  texts,
  disabled,
  onChange,
}: {
  specs: Record<string, ParameterSpec>;
  texts: ParameterTexts;
  disabled: boolean;
  onChange: (name: string, text: string) => void;
}) {
  const names = Object.keys(specs);
  if (names.length === 0) return <p className="hint">This definition has no parameters.</p>;
  return (
    <div className="parameter-form">
      {names.map((name) => (
        <ParameterField key={name} name={name} spec={specs[name]} text={texts[name] ?? ""} disabled={disabled} onChange={(text) => onChange(name, text)} />
      ))}
    </div>
  );
}

function ParameterField({ name, spec, text, disabled, onChange }: { name: string; spec: ParameterSpec; text: string; disabled: boolean; onChange: (text: string) => void }) {
  const message = validateValue(text, spec);
  const choices = spec.type === "boolean" ? ["true", "false"] : spec.enum;
  const inputId = `parameter-${name}`;
  return (
    <div className="parameter-field">
      <label htmlFor={inputId}>
        <span>
          <strong className="parameter-name">{name}</strong> <span className="hint">{describeType(spec)}</span>
        </span>
      </label>
      {choices ? (
        <select id={inputId} value={text} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={message ? "invalid" : undefined}>
          <option value="">default ({String(spec.default)})</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={inputId}
          value={text}
          disabled={disabled}
          placeholder={spec.default === undefined || spec.default === null ? "" : `default: ${String(spec.default)}`}
          inputMode={spec.type === "integer" ? "numeric" : spec.type === "number" ? "decimal" : undefined}
          onChange={(e) => onChange(e.target.value)}
          className={message ? "invalid" : undefined}
          aria-invalid={message ? true : undefined}
        />
      )}
      {message && <div className="field-error">{message}</div>}
      {spec.description && <div className="hint">{spec.description}</div>}
    </div>
  );
}

/** "integer, 1 ≤ x < 10": the type and the range a value must fall in. */
function describeType(spec: ParameterSpec): string {
  const low = spec.minimum === undefined ? "" : `${spec.minimum} ${spec.exclusiveMinimum ? "<" : "≤"} `;
  const high = spec.maximum === undefined ? "" : ` ${spec.exclusiveMaximum ? "<" : "≤"} ${spec.maximum}`;
  return low || high ? `${spec.type}, ${low}x${high}` : spec.type;
}

import { useState } from "react";
import type { ParameterSpec } from "../../api/types";
import { parseValue } from "../../forms/parseValue";
import { validateValue } from "../../forms/validateValue";

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const types: ParameterSpec["type"][] = ["integer", "number", "string", "boolean"];
const zero: Record<ParameterSpec["type"], unknown> = { integer: 1, number: 1, string: "", boolean: false };

/** The definition's parameters: what a run may set, each with a type, a default, a range or choices and docs. */
export function ParametersEditor({ parameters, readOnly, onChange }: { parameters: Record<string, ParameterSpec>; readOnly: boolean; onChange: (parameters: Record<string, ParameterSpec>) => void }) {
  const [name, setName] = useState("");
  const nameMessage = name && !namePattern.test(name) ? "letters, digits and _, not starting with a digit" : parameters[name] ? "already declared" : undefined;
  const update = (key: string, change: (spec: ParameterSpec) => ParameterSpec) => onChange({ ...parameters, [key]: change({ ...parameters[key] }) });
  return (
    <div className="parameters-editor">
      {Object.entries(parameters).map(([key, spec]) => {
        const defaultMessage = validateValue(spec.default, spec);
        const number = spec.type === "integer" || spec.type === "number";
        return (
          <details key={key} className="parameter" open={!!defaultMessage}>
            <summary>
              <strong>{key}</strong> <span className="hint">{spec.type} = {JSON.stringify(spec.default)}</span>
              {defaultMessage && <span className="field-error"> default {defaultMessage}</span>}
            </summary>
            <div className="row">
              <label>
                Type
                <select value={spec.type} disabled={readOnly} onChange={(e) => update(key, (s) => ({ ...s, type: e.target.value as ParameterSpec["type"], default: zero[e.target.value as ParameterSpec["type"]] }))}>
                  {types.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
              </label>
              <label>
                Default
                <input defaultValue={String(spec.default)} key={`${key}-${String(spec.default)}`} disabled={readOnly} className={defaultMessage ? "invalid" : undefined} onBlur={(e) => update(key, (s) => ({ ...s, default: parseValue(e.target.value, s.type) }))} />
              </label>
            </div>
            {number && (
              <div className="row">
                <label>
                  Minimum
                  <input defaultValue={spec.minimum ?? ""} disabled={readOnly} onBlur={(e) => update(key, (s) => withNumber(s, "minimum", e.target.value))} />
                </label>
                <label>
                  Maximum
                  <input defaultValue={spec.maximum ?? ""} disabled={readOnly} onBlur={(e) => update(key, (s) => withNumber(s, "maximum", e.target.value))} />
                </label>
              </div>
            )}
            {spec.type === "string" && (
              <label>
                Choices (comma-separated, empty for any text)
                <input defaultValue={(spec.enum ?? []).join(", ")} disabled={readOnly} onBlur={(e) => update(key, (s) => withChoices(s, e.target.value))} />
              </label>
            )}
            <label>
              Description
              <input defaultValue={spec.description ?? ""} disabled={readOnly} onBlur={(e) => update(key, (s) => ({ ...s, description: e.target.value || undefined }))} />
            </label>
            {!readOnly && (
              <button
                className="link small danger"
                onClick={() => {
                  const rest = { ...parameters };
                  delete rest[key];
                  onChange(rest);
                }}
              >
                Remove {key}
              </button>
            )}
          </details>
        );
      })}
      {!readOnly && (
        <div className="row">
          <input placeholder="new parameter" value={name} onChange={(e) => setName(e.target.value)} className={nameMessage ? "invalid" : undefined} />
          <button
            className="small"
            disabled={!name || !!nameMessage}
            onClick={() => {
              onChange({ ...parameters, [name]: { type: "integer", default: 1 } });
              setName("");
            }}
          >
            Add parameter
          </button>
          {nameMessage && <span className="field-error">{nameMessage}</span>}
        </div>
      )}
    </div>
  );
}

function withNumber(spec: ParameterSpec, field: "minimum" | "maximum", text: string): ParameterSpec {
  const value = parseValue(text, "number");
  const next = { ...spec };
  if (typeof value === "number") next[field] = value;
  else delete next[field];
  return next;
}

function withChoices(spec: ParameterSpec, text: string): ParameterSpec {
  const choices = text.split(",").map((c) => c.trim()).filter(Boolean);
  const next = { ...spec };
  if (choices.length) next.enum = choices;
  else delete next.enum;
  return next;
}

import { useEffect, useState } from "react";
import type { PortDescriptor } from "../../api/types";
import { parseValue } from "../../forms/parseValue";
import { validateValue } from "../../forms/validateValue";
import { isBound, sameBinding } from "../model/bindings";
import type { Candidate } from "../model/candidates";

/**
 * One activity input, generated from its descriptor: a typed literal (select for allowed values, true/false for
 * booleans, checked against the range as it is typed) or a binding chosen from what the node may read.
 */
export function InputField({
  port,
  value,
  candidates,
  readOnly,
  errors,
  onLiteral,
  onBind,
  onClear,
}: {
  port: PortDescriptor;
  value: unknown;
  candidates: Candidate[];
  readOnly: boolean;
  errors: string[];
  onLiteral: (value: unknown) => void;
  onBind: (candidate: Candidate) => void;
  onClear: () => void;
}) {
  const bound = isBound(value) || port.type === "artifact";
  const [mode, setMode] = useState<"literal" | "binding">(bound ? "binding" : "literal");
  const [text, setText] = useState(value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));
  useEffect(() => {
    setMode(isBound(value) || port.type === "artifact" ? "binding" : "literal");
    setText(value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));
  }, [value, port.type]);

  const message = mode === "literal" ? validateValue(text, port) : undefined;
  const id = `input-${port.name}`;
  const commit = (next: string) => {
    if (next === "") onClear();
    else if (!validateValue(next, port)) onLiteral(parseValue(next, port.type));
  };
  const defaultText = port.default === undefined || port.default === null ? "" : String(port.default);
  const choices = port.type === "boolean" ? ["true", "false"] : port.allowedValues;
  // A binding typed in another form (brackets, double quotes, spaces) still shows as the candidate it reads.
  const current = candidates.find((c) => c.binding === value || sameBinding(c.binding, value));

  return (
    <div className={`input-field${errors.length ? " has-errors" : ""}`} data-testid={`input-${port.name}`}>
      <div className="input-field-label">
        <label htmlFor={id}>
          <strong>{port.name}</strong> <span className="hint">{describe(port)}</span>
        </label>
        {port.type !== "artifact" && !readOnly && (
          <button className="link small" onClick={() => setMode(mode === "literal" ? "binding" : "literal")} title="Switch between a value and a binding">
            {mode === "literal" ? "bind…" : "value"}
          </button>
        )}
      </div>
      {mode === "binding" ? (
        <select
          id={id}
          disabled={readOnly}
          value={current ? current.binding : typeof value === "string" && value ? "__other" : ""}
          onChange={(e) => {
            const chosen = candidates.find((c) => c.binding === e.target.value);
            if (chosen) onBind(chosen);
            else if (e.target.value === "") onClear();
          }}
          className={errors.length ? "invalid" : undefined}
        >
          <option value="">{port.type === "artifact" ? "— not connected —" : `— default${defaultText ? ` (${defaultText})` : ""} —`}</option>
          {typeof value === "string" && value && !current && <option value="__other">{value}</option>}
          {candidates.map((c) => (
            <option key={c.binding} value={c.binding}>
              {c.label}
            </option>
          ))}
        </select>
      ) : choices ? (
        <select id={id} disabled={readOnly} value={text} onChange={(e) => commit(e.target.value)} className={message || errors.length ? "invalid" : undefined}>
          <option value="">default{defaultText ? ` (${defaultText})` : ""}</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          disabled={readOnly}
          value={text}
          placeholder={defaultText ? `default: ${defaultText}` : ""}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => commit(text)}
          onKeyDown={(e) => e.key === "Enter" && commit(text)}
          className={message || errors.length ? "invalid" : undefined}
          aria-invalid={message ? true : undefined}
        />
      )}
      {message && <div className="field-error">{message}</div>}
      {errors.map((e) => (
        <div key={e} className="field-error">
          {e}
        </div>
      ))}
      {port.description && <div className="hint">{port.description}</div>}
    </div>
  );
}

function describe(port: PortDescriptor): string {
  const low = port.minimum === undefined || port.minimum === null ? "" : `${port.minimum} ${port.exclusiveMinimum ? "<" : "≤"} `;
  const high = port.maximum === undefined || port.maximum === null ? "" : ` ${port.exclusiveMaximum ? "<" : "≤"} ${port.maximum}`;
  const range = low || high ? `, ${low}x${high}` : "";
  return `${port.type}${range}${port.required ? ", required" : ""}`;
}

import type { RetrySpec } from "../../api/types";
import { parseNumber } from "../../forms/parseValue";
import { validateValue } from "../../forms/validateValue";

const fields: { name: keyof RetrySpec; label: string; type: string; minimum: number; maximum?: number; exclusiveMinimum?: boolean; hint: string }[] = [
  { name: "attempts", label: "Attempts", type: "integer", minimum: 1, maximum: 20, hint: "tries before the node fails (transient errors only)" },
  { name: "backoffSeconds", label: "Backoff (s)", type: "number", minimum: 0, hint: "wait before the first retry, doubling after" },
  { name: "timeoutSeconds", label: "Timeout (s)", type: "number", minimum: 0, exclusiveMinimum: true, hint: "an attempt running longer is stopped" },
];

/** A node's retry policy; empty fields keep the engine's defaults. */
export function RetryFields({ retry, readOnly, onChange }: { retry: RetrySpec | undefined; readOnly: boolean; onChange: (retry: RetrySpec | undefined) => void }) {
  const set = (name: keyof RetrySpec, text: string) => {
    const next: RetrySpec = { ...retry };
    const value = parseNumber(text);
    if (text.trim() === "" || value === undefined) delete next[name];
    else next[name] = value;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <details className="retry-fields">
      <summary>Retry and timeout</summary>
      {fields.map((f) => {
        const value = retry?.[f.name];
        const message = value === undefined ? undefined : validateValue(value, f);
        return (
          <label key={f.name}>
            {f.label}
            <input defaultValue={value ?? ""} disabled={readOnly} onBlur={(e) => set(f.name, e.target.value)} className={message ? "invalid" : undefined} />
            {message && <span className="field-error">{message}</span>}
            <span className="hint">{f.hint}</span>
          </label>
        );
      })}
    </details>
  );
}

import { useState } from "react";
import type { LoopSpec } from "../../api/types";

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A loop's carried variables: each has a first value (from before the loop) and a next value (from the body); the
 * body reads the previous iteration's value. Values are connected on the canvas or typed as bindings here; each
 * variable shows the type those values give it.
 */
export function CarriedVariables({
  loop,
  typeOf,
  readOnly,
  onChange,
}: {
  loop: LoopSpec;
  typeOf: (variable: string) => string;
  readOnly: boolean;
  onChange: (change: (loop: LoopSpec) => void) => void;
}) {
  const [name, setName] = useState("");
  const names = Object.keys(loop.carry ?? {});
  const message = name && !namePattern.test(name) ? "letters, digits and _, not starting with a digit" : names.includes(name) ? "already carried" : undefined;
  const setValue = (table: "carry" | "next", variable: string, text: string) =>
    onChange((l) => {
      l[table] = { ...l[table], [variable]: text.trim() === "" ? null : text.trim() };
    });
  return (
    <div className="carried">
      {names.length === 0 && <p className="hint">No carried variables: add one (e.g. policy) to pass a model from one iteration to the next.</p>}
      {names.map((variable) => (
        <div key={variable} className="carried-variable">
          <span>
            <strong>{variable}</strong> <span className="hint">{typeOf(variable)}</span>
          </span>
          <label>
            First value
            <input defaultValue={String(loop.carry?.[variable] ?? "")} key={`c-${String(loop.carry?.[variable])}`} disabled={readOnly} onBlur={(e) => setValue("carry", variable, e.target.value)} />
          </label>
          <label>
            Next value
            <input defaultValue={String(loop.next?.[variable] ?? "")} key={`n-${String(loop.next?.[variable])}`} disabled={readOnly} onBlur={(e) => setValue("next", variable, e.target.value)} />
          </label>
          {!readOnly && (
            <button
              className="link small"
              onClick={() =>
                onChange((l) => {
                  l.carry = { ...l.carry };
                  l.next = { ...l.next };
                  delete l.carry[variable];
                  delete l.next[variable];
                })
              }
            >
              Remove
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <div className="row">
          <input placeholder="new variable, e.g. policy" value={name} onChange={(e) => setName(e.target.value)} className={message ? "invalid" : undefined} data-testid="new-carried" />
          <button
            className="small"
            disabled={!name || !!message}
            onClick={() => {
              onChange((l) => {
                l.carry = { ...l.carry, [name]: null };
                l.next = { ...l.next, [name]: null };
              });
              setName("");
            }}
          >
            Add
          </button>
          {message && <span className="field-error">{message}</span>}
        </div>
      )}
    </div>
  );
}

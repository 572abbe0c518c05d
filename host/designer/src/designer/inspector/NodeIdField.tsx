import { useEffect, useState } from "react";

/**
 * A node's id, renamed on Enter or blur when `problem` finds nothing wrong with it (the engine's id rule, an id no
 * other node has); bindings that read the node follow it. Otherwise the reason shows under the field.
 */
export function NodeIdField({ id, problem, readOnly, onRename }: { id: string; problem: (id: string) => string | undefined; readOnly: boolean; onRename: (id: string) => void }) {
  const [text, setText] = useState(id);
  useEffect(() => setText(id), [id]);
  const message = text === id ? undefined : problem(text);
  const commit = () => {
    if (text !== id && !message) onRename(text);
  };
  return (
    <label>
      Id
      <input value={text} disabled={readOnly} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === "Enter" && commit()} className={message ? "invalid" : undefined} data-testid="node-id" />
      {message && <span className="field-error">{message}</span>}
    </label>
  );
}

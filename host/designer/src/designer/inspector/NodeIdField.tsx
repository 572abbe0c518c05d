import { useEffect, useState } from "react";

// The schema also allows "-", but a binding could not read such a node (it would be a minus sign).
const idPattern = /^[a-z][a-z0-9_]{0,63}$/;

/** A node's id, renamed on Enter or blur when it is valid and free; bindings that read the node follow it. */
export function NodeIdField({ id, taken, readOnly, onRename }: { id: string; taken: (id: string) => boolean; readOnly: boolean; onRename: (id: string) => void }) {
  const [text, setText] = useState(id);
  useEffect(() => setText(id), [id]);
  const message = text === id ? undefined : !idPattern.test(text) ? "1 to 64 of a-z, 0-9 and _, starting with a letter" : taken(text) ? `another node is called '${text}'` : undefined;
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

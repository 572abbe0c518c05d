import { useState, type FormEvent } from "react";

/** Asks for a definition's id and name (for New and Duplicate); submit does the work and may throw. */
export function DefinitionForm({
  title,
  initialName = "",
  submitLabel,
  onSubmit,
  onCancel,
}: {
  title: string;
  initialName?: string;
  submitLabel: string;
  onSubmit: (id: string, name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [id, setId] = useState("");
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit(id.trim(), name.trim() || id.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card definition-form" onSubmit={submit}>
      <h3>{title}</h3>
      <div className="row">
        <label>
          Id
          <input value={id} onChange={(e) => setId(e.target.value)} placeholder="e.g. budget-sweep" autoFocus required data-testid="new-definition-id" />
        </label>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="defaults to the id" data-testid="new-definition-name" />
        </label>
      </div>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy || !id.trim()} data-testid="create-definition">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

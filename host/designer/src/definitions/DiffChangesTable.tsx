import type { DiffChange } from "../api/types";

/** The server's changes, one per JSON pointer, with compact values before and after. */
export function DiffChangesTable({ changes }: { changes: DiffChange[] }) {
  if (changes.length === 0) return <p className="empty">The two documents are the same.</p>;
  return (
    <table className="diff-changes">
      <thead>
        <tr>
          <th>Pointer</th>
          <th>Change</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.kind}:${change.pointer}`}>
            <td className="mono">{change.pointer || "/"}</td>
            <td>
              <span className={`badge change-${change.kind ?? "changed"}`}>{change.kind ?? "changed"}</span>
            </td>
            <td className="mono">{change.kind === "added" ? "" : compact(change.before)}</td>
            <td className="mono">{change.kind === "removed" ? "" : compact(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function compact(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value);
}

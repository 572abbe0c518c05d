import type { JournalEntry } from "../api/types";

/** Every journal entry of the run, its data a click away. */
export function JournalTable({ journal }: { journal: JournalEntry[] }) {
  if (!journal.length) return <p className="empty">The journal is empty.</p>;
  return (
    <table className="journal">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>At</th>
          <th>Kind</th>
          <th>Node</th>
          <th>Message</th>
        </tr>
      </thead>
      <tbody>
        {journal.map((entry) => (
          <tr key={entry.sequence} className={entry.kind === "incident" || entry.kind.endsWith(".failed") ? "journal-bad" : undefined}>
            <td className="num">{entry.sequence}</td>
            <td className="mono">{new Date(entry.at).toLocaleTimeString(undefined, { hour12: false, fractionalSecondDigits: 3 })}</td>
            <td className="mono">{entry.kind}</td>
            <td className="mono">{entry.node}</td>
            <td>
              {entry.message}
              {entry.data && (
                <details>
                  <summary className="hint">data</summary>
                  <pre>{JSON.stringify(entry.data, null, 2)}</pre>
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A run's or node's status as a coloured badge (the colours are the run graph's). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

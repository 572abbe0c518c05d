export function SweepsPage() {
  return <p className="empty">SweepsPage </p>;
}

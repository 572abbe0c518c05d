export function DiffPage({ id }: { id: string }) {
  return <p className="empty">DiffPage {id}</p>;
}

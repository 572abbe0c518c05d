export function RunPage({ id }: { id: string }) {
  return <p className="empty">RunPage {id}</p>;
}

export function DesignerPage({ id }: { id: string }) {
  return <p className="empty">DesignerPage {id}</p>;
}

export function DefinitionsPage() {
  return <p className="empty">DefinitionsPage </p>;
}

export function ScheduleEditorPage({ id }: { id?: string }) {
  return <p className="empty">ScheduleEditorPage {id}</p>;
}

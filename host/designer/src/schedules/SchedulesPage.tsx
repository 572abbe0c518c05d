export function SchedulesPage() {
  return <p className="empty">SchedulesPage </p>;
}

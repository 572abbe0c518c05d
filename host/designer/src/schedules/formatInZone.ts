/** A time as it reads in a time zone; a zone the browser does not know falls back to UTC, and says so. */
export function formatInZone(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
  try {
    return new Date(iso).toLocaleString(undefined, { ...options, timeZone });
  } catch {
    return `${new Date(iso).toLocaleString(undefined, { ...options, timeZone: "UTC" })} UTC`;
  }
}

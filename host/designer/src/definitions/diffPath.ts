/** The diff page's address for comparing one version with another or with the draft. */
export function diffPath(id: string, from: number, to: number | "draft"): string {
  return `/definitions/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`;
}

import type { RunStatus } from "../api/types";

/** Whether a run may still change (and so is worth polling or following). */
export function isActive(status: RunStatus | string): boolean {
  return status === "pending" || status === "running";
}

/** Seconds from one time to another (or to now while the run is going on); undefined without a start. */
export function secondsBetween(from: string | null | undefined, to: string | null | undefined): number | undefined {
  if (!from) return undefined;
  const end = to ? Date.parse(to) : Date.now();
  return Math.max(0, (end - Date.parse(from)) / 1000);
}

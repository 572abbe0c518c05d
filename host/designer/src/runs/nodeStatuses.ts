import type { JournalEntry, RunDetail } from "../api/types";
import { isActive } from "./runTimes";

/** What the journal says of a node after an entry of each kind. */
const statusAfter: Record<string, string> = {
  "node.started": "running",
  "node.retrying": "retrying",
  "node.committed": "succeeded",
  "node.reused": "reused",
  incident: "failed",
  "node.cancelled": "cancelled",
  // Names the node at fault, also one that failed before any attempt (a loop's schedule, an input's binding).
  "run.failed": "failed",
};

/**
 * Each node's status by runtime path. The run's detail is authoritative once the run has ended (it knows, e.g., of
 * attempts a stopped process left interrupted); while it goes on, the journal's latest word is fresher. A node whose
 * outputs were reused from an earlier attempt shows as reused.
 */
export function nodeStatuses(run: RunDetail | undefined, journal: JournalEntry[]): Map<string, string> {
  const fromJournal = new Map<string, string>();
  for (const entry of journal) {
    const status = entry.node ? statusAfter[entry.kind] : undefined;
    if (status) fromJournal.set(entry.node!, status);
  }
  const statuses = new Map<string, string>();
  for (const node of run?.nodes ?? []) statuses.set(node.path, node.status);
  const live = !run || isActive(run.status);
  for (const [path, status] of fromJournal) {
    const known = statuses.get(path);
    if (live || known === undefined || (status === "reused" && known === "succeeded")) statuses.set(path, status);
  }
  return statuses;
}

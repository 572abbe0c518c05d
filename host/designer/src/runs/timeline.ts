import type { JournalEntry } from "../api/types";

/** One attempt of a node: from its node.started entry to the entry that ended it (open while it runs). */
export interface AttemptSpan {
  node: string;
  attempt: number;
  start: number;
  end: number | undefined;
  status: string;
}

const endings: Record<string, string> = { "node.committed": "succeeded", incident: "failed", "node.cancelled": "cancelled" };

/** Every node attempt in the journal, in the order they started (times in ms since the epoch). */
export function attemptSpans(journal: JournalEntry[]): AttemptSpan[] {
  const spans: AttemptSpan[] = [];
  const open = new Map<string, AttemptSpan>();
  const attempts = new Map<string, number>();
  for (const entry of journal) {
    if (!entry.node) continue;
    if (entry.kind === "node.started") {
      const attempt = (attempts.get(entry.node) ?? 0) + 1;
      attempts.set(entry.node, attempt);
      const span: AttemptSpan = { node: entry.node, attempt, start: Date.parse(entry.at), end: undefined, status: "running" };
      spans.push(span);
      open.set(entry.node, span);
    } else if (endings[entry.kind] && open.has(entry.node)) {
      const span = open.get(entry.node)!;
      span.end = Date.parse(entry.at);
      span.status = endings[entry.kind];
      open.delete(entry.node);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

import { describe, expect, it } from "vitest";
import type { JournalEntry } from "../api/types";
import { attemptSpans } from "./timeline";

const entry = (second: number, kind: string, node: string): JournalEntry => ({ sequence: second, at: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(), kind, node, message: "", data: null });
const t = (second: number) => Date.UTC(2026, 0, 1, 0, 0, second);

describe("attemptSpans", () => {
  it("pairs each start with its end, one span per attempt, open while running", () => {
    const spans = attemptSpans([
      entry(0, "node.started", "a"),
      entry(1, "node.started", "b"),
      entry(2, "incident", "a"),
      entry(3, "node.started", "a"),
      entry(4, "node.committed", "b"),
      entry(5, "node.progress", "a"),
    ]);
    expect(spans).toEqual([
      { node: "a", attempt: 1, start: t(0), end: t(2), status: "failed" },
      { node: "b", attempt: 1, start: t(1), end: t(4), status: "succeeded" },
      { node: "a", attempt: 2, start: t(3), end: undefined, status: "running" },
    ]);
  });
});

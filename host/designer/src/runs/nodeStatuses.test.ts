import { describe, expect, it } from "vitest";
import type { JournalEntry, NodeState, RunDetail } from "../api/types";
import { nodeStatuses } from "./nodeStatuses";

const entry = (sequence: number, kind: string, node: string | null): JournalEntry => ({ sequence, at: "2026-01-01T00:00:00Z", kind, node, message: "", data: null });
const node = (path: string, status: string): NodeState => ({ path, activity: "x", status, attempts: 1, seconds: 1, error: null, outputs: null });
const run = (status: RunDetail["status"], nodes: NodeState[]) => ({ status, nodes }) as RunDetail;

describe("nodeStatuses", () => {
  it("follows the journal while the run goes on", () => {
    const journal = [entry(1, "node.started", "a"), entry(2, "node.committed", "a"), entry(3, "node.started", "b"), entry(4, "node.progress", "b")];
    expect([...nodeStatuses(run("running", [node("a", "running")]), journal)]).toEqual([
      ["a", "succeeded"],
      ["b", "running"],
    ]);
  });

  it("trusts the detail once the run ended, but marks reused nodes", () => {
    const journal = [entry(1, "node.started", "a"), entry(2, "node.reused", "b")];
    expect([...nodeStatuses(run("interrupted", [node("a", "interrupted"), node("b", "succeeded")]), journal)]).toEqual([
      ["a", "interrupted"],
      ["b", "reused"],
    ]);
  });

  it("takes the node at fault from the run's failure when no attempt of it was recorded", () => {
    const journal = [entry(1, "node.committed", "a"), entry(2, "run.failed", "iterations")];
    expect(nodeStatuses(run("failed", [node("a", "succeeded")]), journal).get("iterations")).toBe("failed");
  });

  it("shows a failed attempt that is being retried as retrying", () => {
    const journal = [entry(1, "node.started", "a"), entry(2, "incident", "a"), entry(3, "node.retrying", "a")];
    expect(nodeStatuses(run("running", []), journal).get("a")).toBe("retrying");
  });
});

import { describe, expect, it } from "vitest";
import type { JournalEntry } from "../api/types";
import { displayStates, loopIterations } from "./graphState";

const entry = (kind: string, node: string, data: Record<string, unknown> | null = null): JournalEntry => ({ sequence: 0, at: "", kind, node, message: "", data });

const journal = [
  entry("iteration.started", "iterations/0", { index: 0, count: 3, budget: 10, keptPairs: 5 }),
  entry("iteration.completed", "iterations/0"),
  entry("iteration.started", "iterations/1", { index: 1, count: 3, budget: 10, keptPairs: 5 }),
];
const nodes = [
  { path: "task", isLoop: false },
  { path: "iterations", isLoop: true },
  { path: "iterations/train", isLoop: false },
  { path: "iterations/eval", isLoop: false },
];
const statuses = new Map([
  ["task", "succeeded"],
  ["iterations/0/train", "succeeded"],
  ["iterations/0/eval", "succeeded"],
  ["iterations/1/train", "running"],
]);

describe("displayStates", () => {
  it("shows the latest iteration and the loop's progress for All", () => {
    const states = displayStates(nodes, statuses, loopIterations(journal), new Map(), "running");
    expect(states.get("task")).toEqual({ status: "succeeded", runtimePath: "task" });
    expect(states.get("iterations")).toEqual({ status: "running", progress: "1/3" });
    expect(states.get("iterations/train")).toEqual({ status: "running", runtimePath: "iterations/1/train" });
    expect(states.get("iterations/eval")).toEqual({ status: "succeeded", runtimePath: "iterations/0/eval" });
  });

  it("shows one iteration when it is chosen", () => {
    const states = displayStates(nodes, statuses, loopIterations(journal), new Map([["iterations", 1]]), "running");
    expect(states.get("iterations")).toEqual({ status: "running", progress: "iteration 1" });
    expect(states.get("iterations/eval")).toEqual({ status: "pending", runtimePath: "iterations/1/eval" });
  });

  it("shows a loop that failed before its first iteration (its schedule) as failed", () => {
    const states = displayStates(nodes, new Map([["task", "succeeded"], ["iterations", "failed"]]), loopIterations([]), new Map(), "failed");
    expect(states.get("iterations")?.status).toBe("failed");
    expect(states.get("iterations/train")?.status).toBe("pending");
  });

  it("shows a stopped iteration with the run's end", () => {
    const states = displayStates(nodes, new Map([["iterations/1/train", "cancelled"]]), loopIterations(journal), new Map([["iterations", 1]]), "cancelled");
    expect(states.get("iterations")?.status).toBe("cancelled");
  });
});

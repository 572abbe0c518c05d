import { describe, expect, it } from "vitest";
import type { IterationRecord } from "../api/types";
import { cellPoints, groupCells, initialX, metricNames, type SweepRun } from "./cells";

const record = (path: string, index: number | null, goldWinRate: number): IterationRecord => ({ path, index, budget: null, keptPairs: null, metrics: { goldWinRate } });

const run = (id: string, seed: number, parameters: Record<string, unknown>, rates: number[]): SweepRun => ({
  id,
  seed,
  parameters,
  iterations: [record("", null, rates[0]), ...rates.slice(1).map((rate, i) => record(`iterations/${i}`, i, rate))],
});

describe("groupCells", () => {
  it("puts runs with identical parameters in one cell whatever the key order, named by what differs", () => {
    const cells = groupCells([
      run("a", 1, { instanceStrategy: "smallest", keptPairs: 250, beta: 0.1 }, [0.5]),
      run("b", 2, { beta: 0.1, keptPairs: 250, instanceStrategy: "smallest" }, [0.5]),
      run("c", 1, { instanceStrategy: "largest", keptPairs: 250, beta: 0.1 }, [0.5]),
      run("d", 1, { instanceStrategy: "largest", keptPairs: 500, beta: 0.1 }, [0.5]),
    ]);
    expect(cells.map((c) => [c.label, c.runs.map((r) => r.id)])).toEqual([
      ["instanceStrategy=largest keptPairs=250", ["c"]],
      ["instanceStrategy=largest keptPairs=500", ["d"]],
      ["instanceStrategy=smallest keptPairs=250", ["a", "b"]],
    ]);
  });

  it("names a single cell 'all runs'", () => {
    expect(groupCells([run("a", 1, { x: 1 }, [0.5]), run("b", 2, { x: 1 }, [0.6])]).map((c) => c.label)).toEqual(["all runs"]);
  });

  it("tells a missing parameter from a given one", () => {
    expect(groupCells([run("a", 1, {}, [0.5]), run("b", 1, { x: 1 }, [0.5])]).map((c) => c.label)).toEqual(["x=(default)", "x=1"]);
  });
});

describe("cellPoints", () => {
  it("gives the mean and t interval per iteration, the top level first", () => {
    const [cell] = groupCells([1, 2, 3, 4, 5].map((v, i) => run(`r${i}`, i, {}, [v / 10, v])));
    const points = cellPoints(cell, "goldWinRate");
    expect(points.map((p) => p.x)).toEqual([initialX, 0]);
    expect(points[0].mean).toBeCloseTo(0.3, 12);
    expect(points[1].n).toBe(5);
    expect(points[1].mean).toBe(3);
    expect(points[1].halfWidth).toBeCloseTo(1.963, 3);
  });

  it("skips runs without the metric", () => {
    const [cell] = groupCells([run("a", 1, {}, [0.5, 0.6]), { id: "b", seed: 2, parameters: {}, iterations: [] }]);
    expect(cellPoints(cell, "goldWinRate").map((p) => p.n)).toEqual([1, 1]);
    expect(cellPoints(cell, "kl")).toEqual([]);
    expect(metricNames([cell])).toEqual(["goldWinRate"]);
  });
});

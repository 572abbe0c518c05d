import type { IterationRecord } from "../api/types";
import { confidenceInterval, type Interval } from "./stats";

// A sweep's runs grouped into cells: runs whose parameters are identical (they differ only in their seed). Pure.

/** What grouping needs of a run. */
export interface SweepRun {
  id: string;
  seed: number;
  parameters: Record<string, unknown>;
  iterations: IterationRecord[];
}

export interface Cell {
  /** The parameters as canonical JSON: equal for the runs of one cell. */
  key: string;
  /** The parameters that differ between cells, e.g. "instanceStrategy=smallest keptPairs=250". */
  label: string;
  parameters: Record<string, unknown>;
  runs: SweepRun[];
}

/** One iteration of a cell: x is the iteration index, -1 for the top level (π⁰, before the online iterations). */
export interface CellPoint extends Interval {
  x: number;
}

/** The top-level record's x on charts. */
export const initialX = -1;

export function groupCells(runs: SweepRun[]): Cell[] {
  const byKey = new Map<string, SweepRun[]>();
  for (const run of runs) {
    const key = canonical(run.parameters);
    byKey.set(key, [...(byKey.get(key) ?? []), run]);
  }
  const groups = [...byKey.entries()].map(([key, members]) => ({ key, parameters: members[0].parameters, runs: members }));
  const differing = differingNames(groups.map((g) => g.parameters));
  return groups
    .map((g) => ({ ...g, label: differing.length ? differing.map((name) => `${name}=${show(g.parameters[name])}`).join(" ") : "all runs" }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

/** A metric's mean and 95% confidence interval over a cell's runs, per iteration, in iteration order. */
export function cellPoints(cell: Cell, metric: string): CellPoint[] {
  const valuesByX = new Map<number, number[]>();
  for (const run of cell.runs) {
    for (const record of run.iterations) {
      const value = record.metrics[metric];
      const x = xOf(record);
      if (x === undefined || typeof value !== "number" || !Number.isFinite(value)) continue;
      valuesByX.set(x, [...(valuesByX.get(x) ?? []), value]);
    }
  }
  return [...valuesByX.entries()].sort(([a], [b]) => a - b).map(([x, values]) => ({ x, ...confidenceInterval(values) }));
}

/** Every metric some run of the cells reports. */
export function metricNames(cells: Cell[]): string[] {
  const names = new Set<string>();
  for (const cell of cells) for (const run of cell.runs) for (const record of run.iterations) for (const name of Object.keys(record.metrics)) names.add(name);
  return [...names].sort();
}

function xOf(record: IterationRecord): number | undefined {
  if (record.path === "") return initialX;
  return record.index ?? undefined;
}

function differingNames(parameterSets: Record<string, unknown>[]): string[] {
  const names = [...new Set(parameterSets.flatMap((p) => Object.keys(p)))].sort();
  return names.filter((name) => new Set(parameterSets.map((p) => JSON.stringify(p[name]))).size > 1);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function show(value: unknown): string {
  return value === undefined ? "(default)" : typeof value === "string" ? value : JSON.stringify(value);
}

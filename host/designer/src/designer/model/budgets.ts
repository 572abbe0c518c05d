import type { BudgetSchedule, ParameterSpec } from "../../api/types";
import { parseBinding } from "./bindings";

/** One iteration's annotation budget: prompts sampled and pairs kept. */
export interface IterationBudget {
  prompts: number;
  kept: number;
}

export const defaultKeepFraction = 0.5;

/**
 * The budgets a schedule gives each iteration, as the engine computes them (largest-remainder split of the total by
 * the rule's weights; floor(keepFraction * prompts) pairs kept), with bound values read from the parameters' defaults.
 * Undefined when a value cannot be read (a binding to something other than a parameter, or a bad number).
 */
export function budgetsOf(schedule: BudgetSchedule, parameters: Record<string, ParameterSpec> = {}): IterationBudget[] | undefined {
  const read = (value: unknown): number | undefined => {
    const binding = parseBinding(value);
    const resolved = binding?.kind === "param" ? parameters[binding.name]?.default : value;
    return typeof resolved === "number" && Number.isFinite(resolved) ? resolved : undefined;
  };
  const list = Array.isArray(schedule) ? schedule : "budgets" in schedule ? schedule.budgets : undefined;
  const keep = Array.isArray(schedule) ? defaultKeepFraction : (read(schedule.keepFraction ?? defaultKeepFraction) ?? undefined);
  if (keep === undefined) return undefined;
  let prompts: number[] | undefined;
  if (list) {
    const values = list.map(read);
    if (values.some((v) => v === undefined)) return undefined;
    prompts = values as number[];
  } else if (!Array.isArray(schedule) && "rule" in schedule) {
    const total = read(schedule.total);
    const iterations = read(schedule.iterations);
    const rule = schedule.rule.toLowerCase();
    if (total === undefined || iterations === undefined || !Number.isInteger(iterations) || iterations < 1 || iterations > 100) return undefined;
    if (rule !== "increase" && rule !== "constant" && rule !== "decrease") return undefined;
    prompts = split(rule, Math.floor(total), iterations);
  }
  return prompts?.map((p) => ({ prompts: p, kept: Math.floor(keep * p + 1e-9) }));
}

/** Largest-remainder apportionment of a total by the rule's weights, ties to the lower index (the engine's rule). */
export function split(rule: "increase" | "constant" | "decrease", total: number, iterations: number): number[] {
  const weight = (i: number) => (rule === "increase" ? i + 1 : rule === "decrease" ? iterations - i : 1);
  const weightSum = rule === "constant" ? iterations : (iterations * (iterations + 1)) / 2;
  const shares: number[] = [];
  const remainders: number[] = [];
  let assigned = 0;
  for (let i = 0; i < iterations; i++) {
    const quota = total * weight(i);
    shares.push(Math.floor(quota / weightSum));
    remainders.push(quota % weightSum);
    assigned += shares[i];
  }
  const order = shares.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let r = 0; r < total - assigned; r++) shares[order[r]]++;
  return shares;
}

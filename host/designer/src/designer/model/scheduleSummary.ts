import type { BudgetSchedule } from "../../api/types";

/** A budget schedule in a few words: "decrease 3000 / 3", "explicit 3 budgets". */
export function scheduleSummary(schedule: BudgetSchedule): string {
  if (Array.isArray(schedule)) return `${schedule.length} budgets`;
  if ("budgets" in schedule) return `${schedule.budgets.length} budgets`;
  return `${schedule.rule} ${String(schedule.total)} / ${String(schedule.iterations)}`;
}

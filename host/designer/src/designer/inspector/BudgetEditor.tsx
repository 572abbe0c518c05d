import { useEffect, useState } from "react";
import type { BudgetSchedule, ParameterSpec } from "../../api/types";
import { BarChart } from "../../charts/BarChart";
import { parseNumber } from "../../forms/parseValue";
import { isBound } from "../model/bindings";
import { budgetsOf, defaultKeepFraction } from "../model/budgets";

type Rule = "increase" | "constant" | "decrease";

/** A literal number, or the text as it is when it holds a binding such as ${params.total}. */
function valueOf(text: string): number | string {
  const number = parseNumber(text);
  return number !== undefined && !isBound(text) ? number : text.trim();
}

/**
 * The annotation budget schedule of a loop: a rule (increase / constant / decrease) splitting a total over the
 * iterations, or an explicit list, with the share of each iteration's prompts kept as pairs; a bar chart shows what
 * each iteration gets (bound values read from the parameters' defaults).
 */
export function BudgetEditor({ schedule, parameters, readOnly, onChange }: { schedule: BudgetSchedule; parameters: Record<string, ParameterSpec> | undefined; readOnly: boolean; onChange: (schedule: BudgetSchedule) => void }) {
  const isRule = !Array.isArray(schedule) && "rule" in schedule;
  const list = Array.isArray(schedule) ? schedule : "budgets" in schedule ? schedule.budgets : undefined;
  const keep = Array.isArray(schedule) ? undefined : schedule.keepFraction;
  const [listText, setListText] = useState((list ?? []).join(", "));
  useEffect(() => setListText((list ?? []).join(", ")), [list]);

  const setRule = (change: Partial<{ rule: string; total: number | string; iterations: number | string; keepFraction: number | string }>) => {
    const current = isRule ? schedule : { rule: "constant", total: (list ?? []).reduce<number>((a, b) => a + (typeof b === "number" ? b : 0), 0) || 1000, iterations: list?.length || 3 };
    onChange({ ...current, keepFraction: keep ?? defaultKeepFraction, ...change } as BudgetSchedule);
  };
  const setList = (text: string) => {
    const budgets = text.split(",").map((t) => t.trim()).filter(Boolean).map(valueOf);
    onChange({ budgets, keepFraction: keep ?? defaultKeepFraction });
  };
  const setKeep = (text: string) => {
    if (isRule) setRule({ keepFraction: valueOf(text) });
    else onChange({ budgets: list ?? [], keepFraction: valueOf(text) });
  };
  const budgets = budgetsOf(schedule, parameters);

  return (
    <div className="budget-editor" data-testid="budget-editor">
      <div className="row">
        <label>
          Budget
          <select
            value={isRule ? (schedule as { rule: string }).rule.toLowerCase() : "list"}
            disabled={readOnly}
            data-testid="budget-rule"
            onChange={(e) => (e.target.value === "list" ? setList(budgets ? budgets.map((b) => b.prompts).join(", ") : "1000, 1000, 1000") : setRule({ rule: e.target.value as Rule }))}
          >
            <option value="increase">increase</option>
            <option value="constant">constant</option>
            <option value="decrease">decrease</option>
            <option value="list">explicit list</option>
          </select>
        </label>
        <label>
          Keep fraction
          <input defaultValue={String(keep ?? defaultKeepFraction)} key={`keep-${String(keep)}`} disabled={readOnly} onBlur={(e) => setKeep(e.target.value)} data-testid="budget-keep" />
        </label>
      </div>
      {isRule ? (
        <div className="row">
          <label>
            Total prompts
            <input defaultValue={String((schedule as { total: unknown }).total)} key={`total-${String((schedule as { total: unknown }).total)}`} disabled={readOnly} onBlur={(e) => setRule({ total: valueOf(e.target.value) })} data-testid="budget-total" />
          </label>
          <label>
            Iterations
            <input defaultValue={String((schedule as { iterations: unknown }).iterations)} key={`it-${String((schedule as { iterations: unknown }).iterations)}`} disabled={readOnly} onBlur={(e) => setRule({ iterations: valueOf(e.target.value) })} data-testid="budget-iterations" />
          </label>
        </div>
      ) : (
        <label>
          Prompts per iteration (comma-separated)
          <input value={listText} disabled={readOnly} onChange={(e) => setListText(e.target.value)} onBlur={() => setList(listText)} data-testid="budget-list" />
        </label>
      )}
      <p className="hint">Values may be bindings such as {"${params.totalPrompts}"}; the chart uses the parameters' defaults.</p>
      {budgets ? (
        <>
          <BarChart title="Prompts per iteration" bars={budgets.map((b, i) => ({ label: String(i), value: b.prompts }))} />
          <p className="hint" data-testid="budget-kept">
            Pairs kept: {budgets.map((b) => b.kept).join(", ")}
          </p>
        </>
      ) : (
        <p className="hint">The budgets cannot be computed from these values yet.</p>
      )}
    </div>
  );
}

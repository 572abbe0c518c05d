import type { DefinitionDocument, RunDetail } from "../api/types";
import { parseBinding } from "../designer/model/bindings";
import { chartOf, findNode, resolveNode, scopeOf } from "../designer/model/paths";
import { definitionPathOf, iterationsOf, runtimeScope } from "./runtimePaths";

/** One input of a node as the definition gives it, with the value it had in the run when that can be told. */
export interface ResolvedInput {
  name: string;
  expression: unknown;
  /** Whether the expression is a binding (otherwise it is the literal value). */
  bound: boolean;
  resolved: boolean;
  value: unknown;
}

/** The inputs of a node instance (runtime path), bindings resolved against the run's parameters, outputs and iterations. */
export function resolveInputs(doc: DefinitionDocument, run: RunDetail, runtimePath: string): ResolvedInput[] {
  const spec = findNode(doc, definitionPathOf(runtimePath));
  return Object.entries(spec?.inputs ?? {}).map(([name, expression]) => {
    const bound = parseBinding(expression) !== undefined || (typeof expression === "string" && expression.includes("${"));
    const outcome = resolveValue(doc, run, expression, runtimePath);
    return { name, expression, bound, ...outcome };
  });
}

type Outcome = { resolved: boolean; value: unknown };
const unknown: Outcome = { resolved: false, value: undefined };

/** A value read by the node at runtimePath (a literal resolves to itself). */
function resolveValue(doc: DefinitionDocument, run: RunDetail, value: unknown, readerPath: string): Outcome {
  const binding = parseBinding(value);
  if (!binding) return typeof value === "string" && value.includes("${") ? unknown : { resolved: true, value };
  const scope = scopeOf(definitionPathOf(readerPath));
  switch (binding.kind) {
    case "param": {
      const given = run.parameters[binding.name] ?? doc.parameters?.[binding.name]?.default;
      return given === undefined ? unknown : { resolved: true, value: given };
    }
    case "output": {
      const source = resolveNode(doc, scope, binding.node);
      if (!source) return unknown;
      const sourceRuntime = [runtimeScope(readerPath, scopeOf(source)), binding.node].filter(Boolean).join("/");
      const outputs = run.nodes.find((n) => n.path === sourceRuntime)?.outputs;
      return outputs && binding.output in outputs ? { resolved: true, value: outputs[binding.output] } : unknown;
    }
    case "iteration": {
      const iterationPath = runtimeScope(readerPath, scope);
      const record = run.iterations.find((r) => r.path === iterationPath);
      const index = iterationsOf(readerPath).get(scope);
      const members: Record<string, unknown> = { index, number: index === undefined ? undefined : index + 1, budget: record?.budget, keptPairs: record?.keptPairs };
      const member = members[binding.member];
      return member === undefined || member === null ? unknown : { resolved: true, value: member };
    }
    case "previous":
      return previousValue(doc, run, scope, binding.variable, readerPath);
  }
}

// A carried variable: the loop's carry in the first iteration (read outside the loop), else the previous iteration's next.
function previousValue(doc: DefinitionDocument, run: RunDetail, loop: string, variable: string, readerPath: string): Outcome {
  const spec = findNode(doc, loop)?.loop;
  const index = iterationsOf(readerPath).get(loop);
  if (!spec || index === undefined) return unknown;
  const loopRuntime = runtimeScope(readerPath, loop).replace(/\/\d+$/, "");
  if (index === 0) return resolveValue(doc, run, spec.carry?.[variable], loopRuntime);
  // The next values are read inside the previous iteration: resolve them as one of its nodes would.
  const bodyNode = chartOf(doc, loop)?.nodes[0]?.id ?? "";
  return resolveValue(doc, run, spec.next?.[variable], `${loopRuntime}/${index - 1}/${bodyNode}`);
}

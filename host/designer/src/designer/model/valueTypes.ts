import type { ActivityDescriptor, DefinitionDocument } from "../../api/types";
import { isBound, iterationMembers, parseBinding } from "./bindings";
import { findNode, resolveNode, scopeOf } from "./paths";

// The types of the values a binding may read: activity outputs (from their descriptors), parameters, iteration
// members, and a loop's carried variables. The engine's validator types a carried variable by its first value only;
// the designer also asks its next value when the first tells nothing, so that its handles offer and refuse inputs
// as activity outputs do.

type Activities = Map<string, ActivityDescriptor>;

/** Whether a value of type `have` may go to an input of type `want` (the engine's rule: integers go where numbers do). */
export const fits = (want: string, have: string) => want === "any" || have === "any" || want === have || (want === "number" && have === "integer");

/** "an integer", "an artifact", "any value": a type as the engine's messages name it. */
export const typeName = (type: string) => (type === "any" ? "any value" : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** The type of output `name` of the node at `path`: its activity's port, or for a loop that carried variable's. */
export function outputType(doc: DefinitionDocument, path: string, name: string, activities: Activities, seen = new Set<string>()): string {
  const node = findNode(doc, path);
  if (node?.loop) return node.loop.carry && name in node.loop.carry ? carriedType(doc, path, name, activities, seen) : "any";
  return activities.get(node?.activity ?? "")?.outputs.find((o) => o.name === name)?.type ?? "any";
}

/**
 * The type of a loop's carried variable: that of its first value (carry, read around the loop), else of its next
 * value (read in the body); "any" when neither tells, or when they disagree (an integer and a number make a number).
 */
export function carriedType(doc: DefinitionDocument, loop: string, variable: string, activities: Activities, seen = new Set<string>()): string {
  const key = `${loop}|${variable}`;
  const spec = findNode(doc, loop)?.loop;
  if (!spec || seen.has(key)) return "any";
  const inner = new Set(seen).add(key);
  const first = valueType(doc, spec.carry?.[variable], scopeOf(loop), activities, inner);
  const next = valueType(doc, spec.next?.[variable], loop, activities, inner);
  return common(first, next);
}

function common(first: string, next: string): string {
  if (first === "any" || first === next) return next;
  if (next === "any") return first;
  return fits("number", first) && fits("number", next) ? "number" : "any";
}

// The type of a value read in `scope`: a literal's own, a whole-string binding's source's; "any" when it cannot be
// told (unset, computed, a list or an object), as only a binding that is exactly one reference passes a type through.
function valueType(doc: DefinitionDocument, value: unknown, scope: string, activities: Activities, seen: Set<string>): string {
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value !== "string") return "any";
  if (!isBound(value)) return "string";
  const binding = parseBinding(value);
  switch (binding?.kind) {
    case "param":
      return doc.parameters?.[binding.name]?.type ?? "any";
    case "iteration":
      return scope && iterationMembers.includes(binding.member) ? "integer" : "any";
    case "previous":
      return scope ? carriedType(doc, scope, binding.variable, activities, seen) : "any";
    case "output": {
      const source = resolveNode(doc, scope, binding.node);
      return source ? outputType(doc, source, binding.output, activities, seen) : "any";
    }
    default:
      return "any";
  }
}

/** The type input `name` of the node at `path` takes: its activity's port's; "any" when the activity is unknown. */
export function inputType(doc: DefinitionDocument, path: string, name: string, activities: Activities): string {
  return activities.get(findNode(doc, path)?.activity ?? "")?.inputs.find((p) => p.name === name)?.type ?? "any";
}

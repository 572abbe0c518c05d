import type { ActivityDescriptor, DefinitionDocument } from "../../api/types";
import { iterationBinding, iterationMembers, outputBinding, paramBinding, previousBinding } from "./bindings";
import { allNodes, encloses, idOf, scopeOf } from "./paths";
import { carriedType, fits } from "./valueTypes";

/** A value an input may be bound to, with what the designer must do to bind it. */
export interface Candidate {
  label: string;
  binding: string;
  /** Set for node outputs: the connection that binds it (it also orders the nodes). */
  source?: { path: string; handle: string };
}

/** What an input of type `type` of the node at `path` may read: parameters, the iteration, other nodes' outputs. */
export function candidates(doc: DefinitionDocument, path: string, type: string, activities: Map<string, ActivityDescriptor>): Candidate[] {
  const result: Candidate[] = [];
  if (type !== "artifact") {
    for (const [name, spec] of Object.entries(doc.parameters ?? {})) {
      if (fits(type, spec.type)) result.push({ label: `parameter ${name}`, binding: paramBinding(name) });
    }
  }
  const scope = scopeOf(path);
  if (scope) {
    if (fits(type, "integer")) for (const member of iterationMembers) result.push({ label: `iteration ${member}`, binding: iterationBinding(member) });
    const loop = allNodes(doc).find((n) => n.path === scope)?.node.loop;
    for (const variable of Object.keys(loop?.carry ?? {})) {
      if (fits(type, carriedType(doc, scope, variable, activities))) result.push({ label: `previous ${variable}`, binding: previousBinding(variable) });
    }
  }
  for (const { path: other, node } of allNodes(doc)) {
    // Visible: a node of this flowchart or of one around it, not the node itself nor a loop holding it.
    if (other === path || !encloses(scopeOf(other), path) || encloses(other, path)) continue;
    const outputs = node.loop
      ? Object.keys(node.loop.carry ?? {}).map((name) => ({ name, type: carriedType(doc, other, name, activities) }))
      : (activities.get(node.activity ?? "")?.outputs ?? []);
    for (const output of outputs) {
      if (!fits(type, output.type)) continue;
      result.push({ label: `${idOf(other)} → ${output.name}`, binding: outputBinding(idOf(other), output.name), source: { path: other, handle: `out:${output.name}` } });
    }
  }
  return result;
}

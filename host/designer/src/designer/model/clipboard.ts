import type { DefinitionDocument, NodeSpec } from "../../api/types";
import { renameInValue } from "./bindings";
import { uniqueId } from "./edit";
import { chartOf, idOf, join, scopeOf } from "./paths";

/** Copied nodes: their specs (loops with their bodies) and the edges among them. */
export interface Clipboard {
  nodes: NodeSpec[];
  edges: { from: string; to: string }[];
}

/** Copies nodes of one scope (those of the first node's scope; others are left out). */
export function copyNodes(doc: DefinitionDocument, paths: string[]): Clipboard | undefined {
  if (!paths.length) return undefined;
  const scope = scopeOf(paths[0]);
  const ids = new Set(paths.filter((p) => scopeOf(p) === scope).map(idOf));
  const chart = chartOf(doc, scope);
  if (!chart) return undefined;
  return {
    nodes: structuredClone(chart.nodes.filter((n) => ids.has(n.id))),
    edges: (chart.edges ?? []).filter((e) => ids.has(e.from) && ids.has(e.to)),
  };
}

/**
 * Pastes copied nodes into a scope under new ids; bindings and edges among the copies follow the new ids, bindings to
 * other nodes stay as they were (the validator says when those are not visible from the new place).
 */
export function pasteNodes(doc: DefinitionDocument, scope: string, clipboard: Clipboard): { doc: DefinitionDocument; paths: string[] } {
  const copy = structuredClone(doc);
  const chart = chartOf(copy, scope);
  if (!chart) return { doc, paths: [] };
  const renames = new Map<string, string>();
  const pasted: NodeSpec[] = [];
  for (const node of clipboard.nodes) {
    const id = uniqueId({ ...copy, nodes: [...copy.nodes, ...pasted] }, scope, node.id);
    renames.set(node.id, id);
    pasted.push({ ...structuredClone(node), id });
  }
  const rewrite = <T>(value: T) => [...renames].reduce((v, [from, to]) => renameInValue(v, from, to) as T, value);
  for (const node of pasted) {
    if (node.inputs) node.inputs = rewrite(node.inputs);
    if (node.loop?.carry) node.loop.carry = rewrite(node.loop.carry);
    if (node.loop?.next) node.loop.next = rewrite(node.loop.next);
    if (node.loop?.schedule !== undefined) node.loop.schedule = rewrite(node.loop.schedule);
  }
  chart.nodes.push(...pasted);
  chart.edges = [...(chart.edges ?? []), ...clipboard.edges.map((e) => ({ from: renames.get(e.from)!, to: renames.get(e.to)! }))];
  return { doc: copy, paths: pasted.map((n) => join(scope, n.id)) };
}

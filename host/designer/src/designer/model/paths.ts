import type { DefinitionDocument, EdgeSpec, NodeSpec } from "../../api/types";

// A node is addressed by its path: the ids of the loops around it and its own id, joined by "/" (e.g.
// "iterations/train"). A scope is the path of a loop ("" for the top level) and holds that flowchart's nodes.

export interface Flowchart {
  nodes: NodeSpec[];
  edges?: EdgeSpec[];
}

export function join(scope: string, id: string): string {
  return scope ? `${scope}/${id}` : id;
}

export function scopeOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

export function idOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The flowchart of a scope, or undefined when the scope names no loop. */
export function chartOf(doc: DefinitionDocument, scope: string): Flowchart | undefined {
  let chart: Flowchart = doc;
  if (!scope) return chart;
  for (const id of scope.split("/")) {
    const loop = chart.nodes.find((n) => n.id === id)?.loop;
    if (!loop) return undefined;
    chart = loop;
  }
  return chart;
}

export function findNode(doc: DefinitionDocument, path: string): NodeSpec | undefined {
  return chartOf(doc, scopeOf(path))?.nodes.find((n) => n.id === idOf(path));
}

/** Every node with its path, outer nodes before the nodes of their loops. */
export function allNodes(doc: DefinitionDocument): { path: string; node: NodeSpec }[] {
  const result: { path: string; node: NodeSpec }[] = [];
  const visit = (chart: Flowchart, scope: string) => {
    for (const node of chart.nodes ?? []) {
      const path = join(scope, node.id);
      result.push({ path, node });
      if (node.loop) visit(node.loop, path);
    }
  };
  visit(doc, "");
  return result;
}

/**
 * Where a node id read from inside a scope lives: the scope itself, else the nearest enclosing one (the engine's
 * lookup rule). Undefined when no visible node has the id.
 */
export function resolveNode(doc: DefinitionDocument, scope: string, id: string): string | undefined {
  for (let at: string | undefined = scope; at !== undefined; at = at ? scopeOf(at) : undefined) {
    if (chartOf(doc, at)?.nodes.some((n) => n.id === id)) return join(at, id);
    if (at === "") break;
  }
  return undefined;
}

/** Whether scope is outer or equal to inner: "" encloses everything, "a" encloses "a/b". */
export function encloses(outer: string, inner: string): boolean {
  return outer === "" || inner === outer || inner.startsWith(outer + "/");
}

/** The innermost scope that encloses both: ("a/b", "a/c") → "a", ("a", "a/b") → "a", ("a", "b") → "". */
export function commonScope(a: string, b: string): string {
  const [left, right] = [a ? a.split("/") : [], b ? b.split("/") : []];
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return left.slice(0, shared).join("/");
}

/** The node of `scope`'s flowchart that is or contains `path` (the reader an edge must reach there). */
export function representativeIn(scope: string, path: string): string {
  const rest = scope ? path.slice(scope.length + 1) : path;
  return join(scope, rest.split("/")[0]);
}

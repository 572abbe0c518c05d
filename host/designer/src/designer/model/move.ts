import type { DefinitionDocument, EdgeSpec, NodeSpec } from "../../api/types";
import { nodesRead } from "./bindings";
import { order, runsAfter } from "./edit";
import { allNodes, chartOf, commonScope, encloses, findNode, idOf, join, representativeIn, resolveNode, scopeOf, type Flowchart } from "./paths";
import { referencesIn } from "./references";

// Moving nodes into a loop, out of one, or from one loop to another. A move keeps what every binding reads and every
// ordering edge means: it is refused, with the binding or the edge that would break, when a reader could no longer see
// the node it reads, when a moved node reads an iteration member the new place does not have, or when the new
// ordering would close a cycle.

/** Where a path goes: the moved nodes (and their bodies) get the new scope's prefix, other paths stay. */
function relocate(path: string, moved: string[], to: string): string {
  for (const from of moved) {
    if (path !== from && !path.startsWith(from + "/")) continue;
    const scope = scopeOf(from);
    return join(to, scope ? path.slice(scope.length + 1) : path);
  }
  return path;
}

/** Every string in a value, however deep in lists and objects. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The strings of a node read from the scope around it, and those its loop's next table reads inside the loop. */
function valuesOf(node: NodeSpec): { outer: string[]; inner: string[] } {
  return {
    outer: [node.inputs, node.loop?.carry, node.loop?.schedule].flatMap(stringsIn),
    inner: stringsIn(node.loop?.next),
  };
}

interface Read {
  id: string;
  /** The path the id resolves to from where it is read, undefined when nothing visible has it. */
  source: string | undefined;
  /** Read from the scope around the reader (inputs, carried values), so the source must run before the reader. */
  outer: boolean;
}

/** Each node id a node's bindings read, in a fixed order (its inputs, carried values, schedule, then next values). */
function readsOf(doc: DefinitionDocument, path: string, node: NodeSpec): Read[] {
  const { outer, inner } = valuesOf(node);
  return [
    ...outer.flatMap(nodesRead).map((id) => ({ id, source: resolveNode(doc, scopeOf(path), id), outer: true })),
    ...inner.flatMap(nodesRead).map((id) => ({ id, source: resolveNode(doc, path, id), outer: false })),
  ];
}

// Why a moved node's iteration bindings would not fit its new place, if they would not.
function iterationProblem(doc: DefinitionDocument, node: NodeSpec, to: string): string | undefined {
  const reads = valuesOf(node).outer.flatMap(referencesIn).filter((r) => r.root === "iteration");
  if (!to && reads.length) return `'${node.id}' reads the loop's iteration, which only a loop's body has`;
  const carried = new Set(Object.keys(findNode(doc, to)?.loop?.carry ?? {}));
  for (const [member, variable] of reads.map((r) => r.members.map((m) => m.name))) {
    if (member === "previous" && variable !== undefined && !carried.has(variable)) {
      return `'${node.id}' reads the previous '${variable}', which the loop '${idOf(to)}' does not carry`;
    }
  }
  return undefined;
}

function hasCycle(chart: Flowchart): boolean {
  return (chart.edges ?? []).some((e) => e.from === e.to || runsAfter(chart, e.to, e.from));
}

/**
 * Moves nodes of one flowchart into another (`to`: the loop's path, "" for the top level). Edges among the moved
 * nodes go with them; the bindings that cross the new border get the ordering edges they need, and the ordering edges
 * no binding explains are lifted to the flowchart that holds both their ends. Returns the new document and where
 * each moved node now is, or a sentence saying why not.
 */
export function moveNodes(doc: DefinitionDocument, paths: string[], to: string): { doc: DefinitionDocument; moved: Map<string, string> } | string {
  if (!paths.length) return "nothing to move";
  const from = scopeOf(paths[0]);
  if (paths.some((p) => scopeOf(p) !== from)) return "move nodes of one flowchart at a time";
  if (from === to) return "the nodes are already there";
  if (paths.some((p) => encloses(p, to))) return "a loop cannot be moved into itself";
  const target = chartOf(doc, to);
  if (!target || !chartOf(doc, from)) return `no loop '${to}' in the definition`;
  const ids = new Set(paths.map(idOf));
  const clash = target.nodes.find((n) => ids.has(n.id));
  if (clash) return `'${to || "the top level"}' already has a node '${clash.id}'`;

  const copy = structuredClone(doc);
  const origin = chartOf(copy, from)!;
  const destination = chartOf(copy, to)!;
  const movedSpecs = origin.nodes.filter((n) => ids.has(n.id));
  for (const spec of movedSpecs) {
    const problem = iterationProblem(copy, spec, to);
    if (problem) return problem;
  }
  const before = new Map(allNodes(doc).map(({ path, node }) => [relocate(path, paths, to), readsOf(doc, path, node)]));
  const orderings = orderingOnly(doc, from, ids).map((e) => ({ from: relocate(join(from, e.from), paths, to), to: relocate(join(from, e.to), paths, to) }));
  const inside = (origin.edges ?? []).filter((e) => ids.has(e.from) && ids.has(e.to));
  origin.nodes = origin.nodes.filter((n) => !ids.has(n.id));
  origin.edges = (origin.edges ?? []).filter((e) => !ids.has(e.from) && !ids.has(e.to));
  destination.nodes.push(...movedSpecs);
  if (inside.length) destination.edges = [...(destination.edges ?? []), ...inside];

  // Every binding must read what it read before; those that touch a moved node need their ordering again.
  const movedTo = paths.map((p) => relocate(p, paths, to));
  const isMoved = (path: string | undefined) => path !== undefined && movedTo.some((m) => path === m || path.startsWith(m + "/"));
  for (const { path, node } of allNodes(copy)) {
    const was = before.get(path)!;
    const reads = readsOf(copy, path, node);
    for (let i = 0; i < reads.length; i++) {
      const read = reads[i];
      const wasSource = was[i].source;
      if (wasSource !== undefined && read.source !== relocate(wasSource, paths, to)) {
        return `'${idOf(path)}' reads '${read.id}', which it could not reach from there: a node reads nodes of its own flowchart or of the flowcharts around it`;
      }
      if (!read.outer || !read.source || !(isMoved(path) || isMoved(read.source))) continue;
      if (encloses(read.source, path)) return `'${idOf(path)}' reads '${read.id}', a loop around it, whose outputs exist only after its body`;
      order(copy, read.source, path);
    }
  }
  const charts: Flowchart[] = [copy, ...allNodes(copy).flatMap(({ node }) => (node.loop ? [node.loop] : []))];
  if (charts.some(hasCycle)) return "that move would close a cycle: the nodes would wait for each other";
  for (const edge of orderings) {
    const problem = lift(copy, edge.from, edge.to);
    if (problem) return problem;
  }
  return { doc: copy, moved: new Map(paths.map((p, i) => [p, movedTo[i]])) };
}

/** The edges of a flowchart between a moved node and one left behind that no binding explains: ordering alone. */
function orderingOnly(doc: DefinitionDocument, scope: string, ids: Set<string>): EdgeSpec[] {
  const explained = new Set<string>();
  for (const { path, node } of allNodes(doc)) {
    for (const read of readsOf(doc, path, node)) {
      if (!read.outer || !read.source || scopeOf(read.source) !== scope || !encloses(scope, path)) continue;
      explained.add(`${idOf(read.source)}>${idOf(representativeIn(scope, path))}`);
    }
  }
  return (chartOf(doc, scope)!.edges ?? []).filter((e) => ids.has(e.from) !== ids.has(e.to) && !explained.has(`${e.from}>${e.to}`));
}

/**
 * Keeps "run `to` after `from`" (node paths now in different flowcharts) as an edge between the nodes that are or hold
 * them in the innermost flowchart holding both: the loop a moved node went into, or the loop it left. Nothing is added
 * when the edges there already order them; a sentence says why not when the edge would close a cycle.
 */
function lift(doc: DefinitionDocument, from: string, to: string): string | undefined {
  const scope = commonScope(scopeOf(from), scopeOf(to));
  const [before, after] = [representativeIn(scope, from), representativeIn(scope, to)];
  // One end is a loop the other went into: it cannot run both inside the loop and before or after it.
  if (before === after && before === from) return `'${idOf(to)}' runs after the loop '${idOf(from)}' (an ordering edge), so it cannot run inside it; remove that edge first`;
  if (before === after) return `the loop '${idOf(to)}' runs after '${idOf(from)}' (an ordering edge), so '${idOf(from)}' cannot run inside it; remove that edge first`;
  const flowchart = chartOf(doc, scope)!;
  if (runsAfter(flowchart, idOf(after), idOf(before))) {
    return `that move would close a cycle: the ordering edge ${idOf(from)} -> ${idOf(to)} would become ${idOf(before)} -> ${idOf(after)}, but '${idOf(before)}' already runs after '${idOf(after)}'`;
  }
  order(doc, before, after);
  return undefined;
}

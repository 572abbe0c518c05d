import type { ActivityDescriptor, DefinitionDocument, NodeSpec } from "../../api/types";
import { outputBinding, parseBinding, previousBinding, readsNode, renameInValue } from "./bindings";
import { nodeIdProblem } from "./nodeId";
import { allNodes, chartOf, encloses, findNode, idOf, representativeIn, resolveNode, scopeOf, type Flowchart } from "./paths";
import { carriedType, fits, inputType, outputType, typeName } from "./valueTypes";

// Edits of a definition document. Each returns a new document (the input is never changed), so the editor can keep
// the previous ones for undo and the JSON view always shows exactly what the canvas shows.

/** What a drawn edge stands for, so deleting it removes exactly that. */
export type EdgeMeaning =
  | { kind: "input"; target: string; input: string }
  | { kind: "carry"; target: string; variable: string }
  | { kind: "next"; target: string; variable: string }
  | { kind: "order"; scope: string; from: string; to: string };

/** One end of a connection being drawn: a node path and a handle id ("out:x", "in:x", "carry:x", ...). */
export interface End {
  path: string;
  handle: string;
}

function edit(doc: DefinitionDocument, change: (copy: DefinitionDocument) => void): DefinitionDocument {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

function chart(doc: DefinitionDocument, scope: string): Flowchart {
  const found = chartOf(doc, scope);
  if (!found) throw new Error(`no loop '${scope}' in the definition`);
  return found;
}

function node(doc: DefinitionDocument, path: string): NodeSpec {
  const found = findNode(doc, path);
  if (!found) throw new Error(`no node '${path}' in the definition`);
  return found;
}

/** An id for a new node of a scope: the base (the activity's name, cleaned) or base_2, base_3, ... */
export function uniqueId(doc: DefinitionDocument, scope: string, base: string): string {
  // Anything else, '-' included, becomes '_': such ids read in bindings in the short dot form (${nodes.<id>...}).
  const clean = base.toLowerCase().replace(/[^a-z0-9_]/g, "_").replace(/^[^a-z]+/, "") || "node";
  // Ids must differ from every node visible from the scope, or bindings would become ambiguous.
  const taken = new Set(allNodes(doc).map((n) => n.node.id));
  if (!taken.has(clean) && chartOf(doc, scope)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}_${i}`)) return `${clean}_${i}`;
}

export function addNode(doc: DefinitionDocument, scope: string, spec: NodeSpec): DefinitionDocument {
  return edit(doc, (copy) => chart(copy, scope).nodes.push(spec));
}

export function activityNode(id: string, activity: string): NodeSpec {
  return { id, activity, inputs: {} };
}

export function loopNode(id: string): NodeSpec {
  return {
    id,
    loop: {
      schedule: { rule: "constant", total: 1000, iterations: 3, keepFraction: 0.5 },
      carry: {},
      nodes: [],
      edges: [],
      next: {},
    },
  };
}

/** Changes one node in place of a copy (inspector edits). */
export function updateNode(doc: DefinitionDocument, path: string, change: (node: NodeSpec) => void): DefinitionDocument {
  return edit(doc, (copy) => change(node(copy, path)));
}

export function updateDocument(doc: DefinitionDocument, change: (copy: DefinitionDocument) => void): DefinitionDocument {
  return edit(doc, change);
}

/** Removes nodes with their edges, and the bindings of other nodes that read them (those inputs fall back to defaults). */
export function removeNodes(doc: DefinitionDocument, paths: string[]): DefinitionDocument {
  return edit(doc, (copy) => {
    for (const path of paths) {
      const scope = scopeOf(path);
      const id = idOf(path);
      const flowchart = chartOf(copy, scope);
      if (!flowchart || !flowchart.nodes.some((n) => n.id === id)) continue;
      forgetReadsOf(copy, path);
      flowchart.nodes = flowchart.nodes.filter((n) => n.id !== id);
      flowchart.edges = (flowchart.edges ?? []).filter((e) => e.from !== id && e.to !== id);
    }
  });
}

/**
 * The nodes whose bindings read the node at `path`: `outer` when their inputs, carried values or schedule do (read
 * from the scope around them), `inner` when their loop's next values do (read inside the loop).
 */
function readersOf(doc: DefinitionDocument, path: string): { node: NodeSpec; outer: boolean; inner: boolean }[] {
  const sees = (scope: string) => resolveNode(doc, scope, idOf(path)) === path;
  return allNodes(doc)
    .filter(({ path: p }) => encloses(scopeOf(path), p))
    .map(({ path: p, node: n }) => ({ node: n, outer: sees(scopeOf(p)), inner: n.loop !== undefined && sees(p) }))
    .filter((r) => r.outer || r.inner);
}

// Drops every binding that reads the node at `path` (still in the document); a schedule is left to the validator.
function forgetReadsOf(doc: DefinitionDocument, path: string) {
  const id = idOf(path);
  for (const { node: other, outer, inner } of readersOf(doc, path)) {
    if (outer) {
      for (const [name, value] of Object.entries(other.inputs ?? {})) if (readsNode(value, id)) delete other.inputs![name];
      for (const [name, value] of Object.entries(other.loop?.carry ?? {})) if (readsNode(value, id)) other.loop!.carry![name] = null;
    }
    if (inner) for (const [name, value] of Object.entries(other.loop!.next ?? {})) if (readsNode(value, id)) other.loop!.next![name] = null;
  }
}

/** Why a node cannot take an id: not one the engine accepts, or one another node has (bindings would become ambiguous). */
export function renameProblem(doc: DefinitionDocument, path: string, to: string): string | undefined {
  const problem = nodeIdProblem(to);
  if (problem) return problem;
  if (allNodes(doc).some((n) => n.path !== path && n.node.id === to)) return `another node is called '${to}'`;
  return undefined;
}

/** Gives a node a new id and rewrites the edges and bindings that name it; a sentence saying why not when it cannot. */
export function renameNode(doc: DefinitionDocument, path: string, to: string): DefinitionDocument | string {
  const scope = scopeOf(path);
  const from = idOf(path);
  if (from === to) return doc;
  const problem = renameProblem(doc, path, to);
  if (problem) return problem;
  return edit(doc, (copy) => {
    const readers = readersOf(copy, path);
    node(copy, path).id = to;
    for (const e of chart(copy, scope).edges ?? []) {
      if (e.from === from) e.from = to;
      if (e.to === from) e.to = to;
    }
    const rename = <T>(value: T) => renameInValue(value, from, to) as T;
    for (const { node: reader, outer, inner } of readers) {
      if (outer && reader.inputs) reader.inputs = rename(reader.inputs);
      if (outer && reader.loop?.carry) reader.loop.carry = rename(reader.loop.carry);
      if (outer && reader.loop?.schedule !== undefined) reader.loop.schedule = rename(reader.loop.schedule);
      if (inner && reader.loop?.next) reader.loop.next = rename(reader.loop.next);
    }
  });
}

/** Whether `to` runs after `from` in a flowchart, through its edges. */
export function runsAfter(flowchart: Flowchart, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of flowchart.edges ?? []) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const at = stack.pop()!;
    for (const n of next.get(at) ?? []) {
      if (n === to) return true;
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}

/**
 * Makes `reader` (a node path) run after node `source` (a path), in place: an edge in the source's scope from the
 * source to the node there that is or contains the reader, unless the edges already order them.
 */
export function order(doc: DefinitionDocument, source: string, reader: string) {
  const scope = scopeOf(source);
  const to = idOf(representativeIn(scope, reader));
  const from = idOf(source);
  if (from === to) return;
  const flowchart = chart(doc, scope);
  if (runsAfter(flowchart, from, to)) return;
  flowchart.edges = [...(flowchart.edges ?? []), { from, to }];
}

/**
 * Connects an output to an input (a binding, plus the edge that orders them), a loop's previous value to a body
 * node's input, a body node's output to a loop's next value, or an output to a loop's carried value. Returns the
 * new document, or a sentence saying why the connection is not possible (an input of another type among the reasons).
 */
export function connect(doc: DefinitionDocument, source: End, target: End, activities: Map<string, ActivityDescriptor>): DefinitionDocument | string {
  const [sourceKind, sourceName] = split(source.handle);
  const [targetKind, targetName] = split(target.handle);
  if (source.path === target.path && sourceKind !== "previous") return "a node cannot read its own outputs";

  if (sourceKind === "order" && targetKind === "order") {
    if (scopeOf(source.path) !== scopeOf(target.path)) return "an ordering edge joins two nodes of the same flowchart";
    const flowchart = chart(doc, scopeOf(source.path));
    if (runsAfter(flowchart, idOf(target.path), idOf(source.path))) return "that edge would close a cycle";
    return edit(doc, (copy) => order(copy, source.path, target.path));
  }
  if (sourceKind === "previous") {
    if (targetKind !== "in" || scopeOf(target.path) !== source.path) return "a loop's previous values feed the nodes of its own body";
    const problem = mismatch(doc, target, targetName, carriedType(doc, source.path, sourceName, activities), `the previous ${sourceName}`, activities);
    if (problem) return problem;
    return edit(doc, (copy) => {
      const reader = node(copy, target.path);
      reader.inputs = { ...reader.inputs, [targetName]: previousBinding(sourceName) };
    });
  }
  if (sourceKind !== "out") return "drag from an output (right side) to an input (left side)";

  if (targetKind === "next") {
    if (scopeOf(source.path) !== target.path) return "a loop's next value comes from a node of its body";
    return edit(doc, (copy) => {
      const loop = node(copy, target.path).loop!;
      loop.next = { ...loop.next, [targetName]: outputBinding(idOf(source.path), sourceName) };
    });
  }
  // The reader of the binding: the target node itself, or the loop whose carried value is set.
  if (targetKind !== "in" && targetKind !== "carry") return "drop the connection on an input";
  if (!encloses(scopeOf(source.path), target.path) || encloses(source.path, target.path)) {
    return `'${idOf(target.path)}' cannot read '${idOf(source.path)}': a node reads nodes of its own flowchart or of the flowcharts around it`;
  }
  const sourceScope = scopeOf(source.path);
  const readerInScope = idOf(representativeIn(sourceScope, target.path));
  if (runsAfter(chart(doc, sourceScope), readerInScope, idOf(source.path))) return "that connection would close a cycle";
  const problem = targetKind === "in" && mismatch(doc, target, targetName, outputType(doc, source.path, sourceName, activities), `'${idOf(source.path)} → ${sourceName}'`, activities);
  if (problem) return problem;
  return edit(doc, (copy) => {
    const binding = outputBinding(idOf(source.path), sourceName);
    const reader = node(copy, target.path);
    if (targetKind === "carry") reader.loop!.carry = { ...reader.loop!.carry, [targetName]: binding };
    else reader.inputs = { ...reader.inputs, [targetName]: binding };
    order(copy, source.path, target.path);
  });
}

// Why an input may not take a value of type `have` (the engine's rule, as its validator would report it), if it may not.
function mismatch(doc: DefinitionDocument, target: End, input: string, have: string, what: string, activities: Map<string, ActivityDescriptor>): string | undefined {
  const want = inputType(doc, target.path, input, activities);
  if (fits(want, have)) return undefined;
  return `type mismatch: input '${input}' of '${idOf(target.path)}' takes ${typeName(want)}, but ${what} gives ${typeName(have)}`;
}

/** Removes what a drawn edge stands for; the ordering edge of a binding goes when nothing else needs it. */
export function disconnect(doc: DefinitionDocument, meaning: EdgeMeaning): DefinitionDocument {
  return edit(doc, (copy) => {
    if (meaning.kind === "order") {
      const flowchart = chart(copy, meaning.scope);
      flowchart.edges = (flowchart.edges ?? []).filter((e) => !(e.from === meaning.from && e.to === meaning.to));
      return;
    }
    const reader = node(copy, meaning.target);
    let removed: unknown;
    if (meaning.kind === "input") {
      removed = reader.inputs?.[meaning.input];
      delete reader.inputs![meaning.input];
    } else {
      const table = meaning.kind === "carry" ? reader.loop!.carry! : reader.loop!.next!;
      removed = table[meaning.variable];
      table[meaning.variable] = null;
    }
    const binding = parseBinding(removed);
    if (binding?.kind !== "output" || meaning.kind === "next") return;
    const source = resolveNode(copy, scopeOf(meaning.target), binding.node);
    if (source) dropOrderIfUnused(copy, source, meaning.target);
  });
}

function dropOrderIfUnused(doc: DefinitionDocument, source: string, reader: string) {
  const scope = scopeOf(source);
  const to = representativeIn(scope, reader);
  const sourceId = idOf(source);
  const stillRead = allNodes(doc).some(({ path, node: other }) => {
    if (!encloses(to, path) && path !== to) return false;
    if (resolveNode(doc, scopeOf(path), sourceId) !== source) return false;
    const values = [...Object.values(other.inputs ?? {}), ...Object.values(other.loop?.carry ?? {})];
    return values.some((v) => readsNode(v, sourceId));
  });
  if (stillRead) return;
  const flowchart = chart(doc, scope);
  flowchart.edges = (flowchart.edges ?? []).filter((e) => !(e.from === sourceId && e.to === idOf(to)));
}

function split(handle: string): [string, string] {
  const colon = handle.indexOf(":");
  return colon < 0 ? [handle, ""] : [handle.slice(0, colon), handle.slice(colon + 1)];
}

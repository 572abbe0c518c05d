// Bindings are strings holding ${...}. The designer draws the whole-string ones that read a node's output, a loop's
// previous iteration or a parameter; any other value is a literal as far as the canvas is concerned.

import { memberText, referencesIn, referenceText, segmentsOf, type Reference } from "./references";

export type Binding =
  | { kind: "output"; node: string; output: string }
  | { kind: "previous"; variable: string }
  | { kind: "iteration"; member: string }
  | { kind: "param"; name: string };

/** A whole-string binding: one segment that is exactly one reference (dot or bracket form, any spacing). */
export function parseBinding(value: unknown): Binding | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const segments = segmentsOf(text);
  if (segments.length !== 1) return undefined;
  const [{ start, end, only }] = segments;
  if (start !== 0 || end !== text.length || !only) return undefined;
  return classify(only.root, only.members.map((m) => m.name));
}

function classify(root: string, names: string[]): Binding | undefined {
  if (root === "nodes" && names.length === 3 && names[1] === "outputs") return { kind: "output", node: names[0], output: names[2] };
  if (root === "iteration" && names[0] === "previous" && names.length === 2) return { kind: "previous", variable: names[1] };
  if (root === "iteration" && names.length === 1) return { kind: "iteration", member: names[0] };
  if (root === "params" && names.length === 1) return { kind: "param", name: names[0] };
  return undefined;
}

/** Whether two values are the same whole-string binding however written (quotes, brackets or dots, spacing). */
export function sameBinding(a: unknown, b: unknown): boolean {
  const [left, right] = [parseBinding(a), parseBinding(b)];
  return left !== undefined && JSON.stringify(left) === JSON.stringify(right);
}

const segment = (root: string, ...names: string[]) => `\${${referenceText(root, names)}}`;

/** Reads a node's output: ${nodes.train.outputs.policy}, or ${nodes['corpus-select'].outputs.pairs} for an id with '-'. */
export const outputBinding = (node: string, output: string) => segment("nodes", node, "outputs", output);
export const previousBinding = (variable: string) => segment("iteration", "previous", variable);
export const paramBinding = (name: string) => segment("params", name);
export const iterationBinding = (member: string) => segment("iteration", member);

/** The iteration members a loop body may read (all integers). */
export const iterationMembers = ["index", "number", "count", "budget", "keptPairs"];

/** Whether a value holds a binding anywhere (embedded ones included), i.e. is not a plain literal. */
export function isBound(value: unknown): boolean {
  return typeof value === "string" && /(^|[^$])\$\{/.test(value);
}

/**
 * Rewrites the node references of a value from one id to another (a rename), in every segment, in lists and objects
 * too. Only the id is rewritten, in the form the new id needs; the rest of the text stays as it was.
 */
export function renameInValue(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameInValue(v, from, to));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameInValue(v, from, to)]));
  if (typeof value !== "string") return value;
  const spans = nodeReferences(value).filter((r) => r.members[0].name === from).map((r) => r.members[0]);
  return spans.reduceRight((text, span) => text.slice(0, span.start) + memberText(to) + text.slice(span.end), value);
}

/** Whether a value reads a node's outputs. */
export function readsNode(value: unknown, node: string): boolean {
  return nodesRead(value).includes(node);
}

/** The ids of the nodes whose outputs a value reads, embedded bindings included, in the order written. */
export function nodesRead(value: unknown): string[] {
  return typeof value === "string" ? nodeReferences(value).map((r) => r.members[0].name) : [];
}

// The references of a value that name a node.
function nodeReferences(text: string): Reference[] {
  return referencesIn(text).filter((r) => r.root === "nodes" && r.members.length > 0);
}

// Bindings are strings holding ${...}. The designer draws the whole-string ones that read a node's output, a loop's
// previous iteration or a parameter; any other value is a literal as far as the canvas is concerned.

export type Binding =
  | { kind: "output"; node: string; output: string }
  | { kind: "previous"; variable: string }
  | { kind: "iteration"; member: string }
  | { kind: "param"; name: string };

const whole = /^\$\{([^{}]+)\}$/;

export function parseBinding(value: unknown): Binding | undefined {
  if (typeof value !== "string") return undefined;
  const match = whole.exec(value.trim());
  if (!match) return undefined;
  const parts = match[1].trim().split(".");
  if (parts[0] === "nodes" && parts.length === 4 && parts[2] === "outputs") return { kind: "output", node: parts[1], output: parts[3] };
  if (parts[0] === "iteration" && parts[1] === "previous" && parts.length === 3) return { kind: "previous", variable: parts[2] };
  if (parts[0] === "iteration" && parts.length === 2) return { kind: "iteration", member: parts[1] };
  if (parts[0] === "params" && parts.length === 2) return { kind: "param", name: parts[1] };
  return undefined;
}

export function outputBinding(node: string, output: string): string {
  return `\${nodes.${node}.outputs.${output}}`;
}

export const previousBinding = (variable: string) => `\${iteration.previous.${variable}}`;
export const paramBinding = (name: string) => `\${params.${name}}`;
export const iterationBinding = (member: string) => `\${iteration.${member}}`;

/** The iteration members a loop body may read (all integers). */
export const iterationMembers = ["index", "number", "count", "budget", "keptPairs"];

/** Whether a value holds a binding anywhere (embedded ones included), i.e. is not a plain literal. */
export function isBound(value: unknown): boolean {
  return typeof value === "string" && /(^|[^$])\$\{/.test(value);
}

/** Rewrites the node references of a value from one id to another (a rename). */
export function renameInValue(value: unknown, from: string, to: string): unknown {
  if (typeof value !== "string") return value;
  return value.split(`\${nodes.${from}.`).join(`\${nodes.${to}.`);
}

/** Whether a value reads a node's outputs. */
export function readsNode(value: unknown, node: string): boolean {
  return typeof value === "string" && value.includes(`\${nodes.${node}.`);
}

/** The ids of the nodes whose outputs a value reads, embedded bindings included. */
export function nodesRead(value: unknown): string[] {
  if (typeof value !== "string") return [];
  return [...value.matchAll(/\$\{\s*nodes\.([^.\s{}]+)\./g)].map((m) => m[1]);
}

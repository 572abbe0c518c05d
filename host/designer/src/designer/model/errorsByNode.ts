import type { DefinitionDocument, ValidationError } from "../../api/types";
import { join } from "./paths";

/** Validation errors grouped by the node path their JSON pointer falls in; "" holds the definition's own errors. */
export function errorsByNode(doc: DefinitionDocument, errors: ValidationError[]): Map<string, ValidationError[]> {
  const result = new Map<string, ValidationError[]>();
  for (const error of errors) {
    const path = nodeAt(doc, error.pointer);
    result.set(path, [...(result.get(path) ?? []), error]);
  }
  return result;
}

/** The path of the innermost node a pointer such as /nodes/9/loop/nodes/3/inputs/count points into. */
export function nodeAt(doc: DefinitionDocument, pointer: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let chart: { nodes?: { id: string; loop?: unknown }[] } | undefined = doc;
  let path = "";
  let scope = "";
  for (let i = 0; i < parts.length && chart; i++) {
    if (parts[i] !== "nodes" || i + 1 >= parts.length) break;
    const node = chart.nodes?.[Number(parts[i + 1])] as { id: string; loop?: { nodes?: [] } } | undefined;
    if (!node || typeof node.id !== "string") break;
    path = join(scope, node.id);
    if (parts[i + 2] !== "loop" || !node.loop) break;
    scope = path;
    chart = node.loop as { nodes?: { id: string }[] };
    i += 2;
  }
  return path;
}

import type { DesignNode } from "./elements";
import type { Position } from "../model/geometry";

/** Where something dropped lands: a loop's path ("" for the open canvas) and the point relative to that loop. */
export interface DropTarget {
  scope: string;
  position: Position;
}

/**
 * The innermost loop under a canvas point, and the point relative to it; scope "" and the point itself when the
 * point is on the open canvas. Loops are the only containers; those in `ignore` (nodes being dragged) and their
 * bodies are passed over.
 */
export function dropTarget(nodes: DesignNode[], point: Position, ignore: string[] = []): DropTarget {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ignored = (id: string) => ignore.some((path) => id === path || id.startsWith(path + "/"));
  const absolute = (node: DesignNode): Position => {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const base = parent ? absolute(parent) : { x: 0, y: 0 };
    return { x: base.x + node.position.x, y: base.y + node.position.y };
  };
  let best: { scope: string; position: Position; depth: number } = { scope: "", position: point, depth: -1 };
  for (const node of nodes) {
    if (node.type !== "loop" || ignored(node.id)) continue;
    const at = absolute(node);
    const inside = point.x >= at.x && point.y >= at.y && point.x <= at.x + (node.width ?? 0) && point.y <= at.y + (node.height ?? 0);
    const depth = node.id.split("/").length;
    if (inside && depth > best.depth) best = { scope: node.id, position: { x: point.x - at.x, y: point.y - at.y }, depth };
  }
  return { scope: best.scope, position: best.position };
}

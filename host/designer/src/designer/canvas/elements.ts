import type { Edge, Node } from "@xyflow/react";
import type { ValidationError } from "../../api/types";
import type { EdgeView, FlowView, NodeView } from "../model/flow";
import { activityHeight, activityWidth, emptyLoop, loopPadding, type Position, type Size } from "../model/geometry";
import { scopeOf } from "../model/paths";

export interface DesignNodeData extends Record<string, unknown> {
  view: NodeView;
  errors: ValidationError[];
}

export interface DesignEdgeData extends Record<string, unknown> {
  view: EdgeView;
}

export type DesignNode = Node<DesignNodeData>;
export type DesignEdge = Edge<DesignEdgeData>;

const noErrors: ValidationError[] = [];

// The same view and errors give the same data object, so that a node React Flow draws again (on a selection
// change, say) keeps props its memoised component can compare: only nodes whose data changed are drawn again.
const dataCache = new WeakMap<NodeView, DesignNodeData>();

function dataOf(view: NodeView, errors: ValidationError[]): DesignNodeData {
  const cached = dataCache.get(view);
  if (cached && cached.errors === errors) return cached;
  const data = { view, errors };
  dataCache.set(view, data);
  return data;
}

/**
 * React Flow's nodes and edges for a view: loops as parents of their body (positions relative to them, sizes
 * enclosing their children), nodes without a stored position stacked where they can be seen.
 */
export function toElements(view: FlowView, positions: Record<string, Position>, errors: Map<string, ValidationError[]>, selected: Set<string>): { nodes: DesignNode[]; edges: DesignEdge[] } {
  const sizes = new Map<string, Size>();
  const placed = new Map<string, Position>();
  const unplaced = new Map<string, number>();
  for (const node of view.nodes) {
    const scope = scopeOf(node.path);
    let position = positions[node.path];
    if (!position) {
      const n = unplaced.get(scope) ?? 0;
      unplaced.set(scope, n + 1);
      position = { x: loopPadding.side + n * 40, y: (scope ? loopPadding.top : 0) + n * 40 };
    }
    placed.set(node.path, position);
    if (!node.spec.loop) sizes.set(node.path, { width: activityWidth, height: activityHeight(node) });
  }
  // Inner loops first, so an outer loop encloses an inner loop's final size.
  for (const node of [...view.nodes].reverse()) {
    if (!node.spec.loop) continue;
    const children = view.nodes.filter((n) => scopeOf(n.path) === node.path);
    if (!children.length) {
      sizes.set(node.path, emptyLoop);
      continue;
    }
    let width = emptyLoop.width;
    let height = emptyLoop.height;
    for (const child of children) {
      const at = placed.get(child.path)!;
      const size = sizes.get(child.path)!;
      width = Math.max(width, at.x + size.width + loopPadding.side);
      height = Math.max(height, at.y + size.height + loopPadding.bottom);
    }
    sizes.set(node.path, { width, height });
  }
  const nodes: DesignNode[] = view.nodes.map((node) => {
    const parent = scopeOf(node.path);
    const size = sizes.get(node.path)!;
    return {
      id: node.path,
      type: node.spec.loop ? "loop" : "activity",
      position: placed.get(node.path)!,
      data: dataOf(node, errors.get(node.path) ?? noErrors),
      // No extent: a node dragged out of its loop (or into another) moves there when it is dropped.
      parentId: parent || undefined,
      width: size.width,
      height: size.height,
      style: node.spec.loop ? { width: size.width, height: size.height } : undefined,
      selected: selected.has(node.path),
      zIndex: node.spec.loop ? 0 : 1,
    };
  });
  const edges: DesignEdge[] = view.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    targetHandle: edge.targetHandle,
    data: { view: edge },
    className: `edge-${edge.meaning.kind}`,
    // Above loop containers (so edges in a body can be picked), level with activities (whose handles stay on top).
    zIndex: 1,
    interactionWidth: 10,
    selected: selected.has(edge.id),
  }));
  return { nodes, edges };
}

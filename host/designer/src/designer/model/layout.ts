import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { FlowView } from "./flow";
import { activityHeight, activityWidth, emptyLoop, loopPadding, type Position } from "./geometry";
import { scopeOf } from "./paths";

/**
 * Lays the graph out left to right with ELK's layered algorithm, loops as nested graphs. Returns each node's
 * position relative to its container (the canvas or its loop), as the canvas places them. ELK is loaded on first use.
 */
export async function layout(view: FlowView): Promise<Map<string, Position>> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  const boxes = new Map<string, ElkNode>();
  const root: ElkNode = { id: "__root", children: [], layoutOptions: options(0) };
  for (const node of view.nodes) {
    const box: ElkNode = node.spec.loop
      ? { id: node.path, children: [], layoutOptions: options(loopPadding.top) }
      : { id: node.path, width: activityWidth, height: activityHeight(node) };
    boxes.set(node.path, box);
  }
  for (const node of view.nodes) {
    const parent = scopeOf(node.path) ? boxes.get(scopeOf(node.path)) : root;
    parent?.children?.push(boxes.get(node.path)!);
  }
  // A loop with an empty body still needs a size to draw.
  for (const node of view.nodes) {
    const box = boxes.get(node.path)!;
    if (node.spec.loop && !box.children?.length) Object.assign(box, emptyLoop);
  }
  const edges: ElkExtendedEdge[] = view.edges
    .filter((e) => e.source !== e.target && boxes.has(e.source) && boxes.has(e.target) && !isInside(e.target, e.source) && !isInside(e.source, e.target))
    .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  root.edges = edges;
  const result = await elk.layout(root);
  const positions = new Map<string, Position>();
  const collect = (box: ElkNode) => {
    for (const child of box.children ?? []) {
      positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
      collect(child);
    }
  };
  collect(result);
  return positions;
}

function isInside(path: string, container: string): boolean {
  return path.startsWith(container + "/");
}

function options(top: number): Record<string, string> {
  return {
    "elk.algorithm": "layered",
    "elk.direction": "RIGHT",
    "elk.hierarchyHandling": "INCLUDE_CHILDREN",
    "elk.layered.spacing.nodeNodeBetweenLayers": "70",
    "elk.spacing.nodeNode": "30",
    "elk.padding": `[top=${top || 20},left=${loopPadding.side},bottom=${loopPadding.bottom},right=${loopPadding.side}]`,
  };
}

import { getViewportForBounds, useReactFlow, useStoreApi, type Rect } from "@xyflow/react";
import { useCallback } from "react";
import type { DesignNode } from "./elements";

/** The box around the graph: around its top-level nodes (loops enclose their bodies), as the designer places them. */
export function graphBounds(nodes: DesignNode[]): Rect | undefined {
  const top = nodes.filter((node) => !node.parentId);
  if (!top.length) return undefined;
  const left = Math.min(...top.map((node) => node.position.x));
  const upper = Math.min(...top.map((node) => node.position.y));
  const right = Math.max(...top.map((node) => node.position.x + (node.width ?? 0)));
  const lower = Math.max(...top.map((node) => node.position.y + (node.height ?? 0)));
  return { x: left, y: upper, width: right - left, height: lower - upper };
}

/**
 * A function that fits the view to the graph (never zooming in past 100%), from the nodes' own positions and sizes.
 * React Flow's fitView waits until every node is measured, and the canvas draws (so measures) only the nodes in view:
 * zoomed in on a big graph after a move, it waited until something else redrew a node, or fitted stale positions.
 * The view jumps rather than animates: an animated zoom passes through views further out than both ends, where a big
 * graph draws every node each frame, and a browser test once found it stopped midway (zoomed out past the minimum,
 * off-centre).
 */
export function useFitGraph(nodes: DesignNode[]): () => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    () => {
      const { width, height, minZoom } = store.getState();
      const bounds = graphBounds(nodes);
      if (!bounds || !width || !height) return;
      void flow.setViewport(getViewportForBounds(bounds, width, height, minZoom, 1, 0.1));
    },
    [flow, store, nodes],
  );
}

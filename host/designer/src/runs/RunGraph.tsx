import { useEffect, useMemo } from "react";
import { Background, Controls, ReactFlow, useReactFlow, useStore, type Edge } from "@xyflow/react";
import { idOf, scopeOf } from "../designer/model/paths";
import type { DisplayState } from "./graphState";
import { RunActivityNode, RunLoopNode, type RunFlowNode } from "./RunGraphNodes";
import type { GraphLayout } from "./useGraphLayout";

const nodeTypes = { activity: RunActivityNode, loop: RunLoopNode };

/** The definition's graph, read-only, each node coloured by its state in the run. */
export function RunGraph({ layout, states, selected, onSelect }: { layout: GraphLayout; states: Map<string, DisplayState>; selected?: string; onSelect: (path: string) => void }) {
  const nodes = useMemo<RunFlowNode[]>(
    () =>
      layout.view.nodes.map((node) => {
        const state = states.get(node.path);
        const size = layout.sizes.get(node.path);
        return {
          id: node.path,
          type: node.spec.loop ? "loop" : "activity",
          position: layout.positions.get(node.path) ?? { x: 0, y: 0 },
          parentId: scopeOf(node.path) || undefined,
          extent: scopeOf(node.path) ? "parent" : undefined,
          width: size?.width,
          height: size?.height,
          style: node.spec.loop ? { width: size?.width, height: size?.height } : { width: size?.width },
          data: { path: node.path, label: idOf(node.path), activity: node.spec.activity, status: state?.status ?? "pending", progress: state?.progress, selected: node.path === selected },
        };
      }),
    [layout, states, selected],
  );
  const edges = useMemo(() => edgesOf(layout, states), [layout, states]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      onNodeClick={(_, node) => onSelect(node.id)}
      fitView
      minZoom={0.1}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls showInteractive={false} />
      <RefitOnResize />
    </ReactFlow>
  );
}

/** Fits the graph to the canvas again when the canvas changes size, e.g. when the node panel opens beside it. */
function RefitOnResize() {
  const { fitView } = useReactFlow();
  const canvas = useStore((state) => state.domNode);
  useEffect(() => {
    if (!canvas) return;
    const observer = new ResizeObserver(() => fitView());
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [canvas, fitView]);
  return null;
}

// One edge per pair of nodes that a binding or an ordering edge links; none between a loop and its own body.
function edgesOf(layout: GraphLayout, states: Map<string, DisplayState>): Edge[] {
  const seen = new Set<string>();
  const edges: Edge[] = [];
  for (const edge of layout.view.edges) {
    const { source, target } = edge;
    if (source === target || target.startsWith(source + "/") || source.startsWith(target + "/")) continue;
    const id = `${source}->${target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, source, target, animated: states.get(target)?.status === "running", className: "run-edge" });
  }
  return edges;
}

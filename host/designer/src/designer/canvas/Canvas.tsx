import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import { ActivityNode } from "./ActivityNode";
import { LoopNode } from "./LoopNode";
import { dropTarget } from "./dropTarget";
import type { DesignEdge, DesignNode } from "./elements";
import type { Position } from "../model/geometry";

const nodeTypes = { activity: ActivityNode, loop: LoopNode };
// Constants, not literals in the props: React Flow listens for keys again whenever these change identity, and a new
// array on every render made it miss the Delete key.
const deleteKeys = ["Delete", "Backspace"];
const multiSelectionKeys = ["Meta", "Control"];

/** What the toolbox puts on a drag: an activity's name, or a loop. */
export const dragType = "application/x-prefflow-node";

/** Where on the screen a mouse or the first lifted finger is. */
function pointerOf(event: MouseEvent | TouchEvent): Position {
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  return { x: point.clientX, y: point.clientY };
}

/** A finished drag of nodes on the canvas. */
export interface NodeDrag {
  /** The dragged nodes: where they are in their loop (or on the canvas) and where on the canvas. */
  nodes: { path: string; position: Position; absolute: Position }[];
  /** The loop under the pointer when they were dropped ("" for the open canvas). */
  scope: string;
  /** Where that loop's top-left corner is on the canvas. */
  origin: Position;
}

export interface CanvasProps {
  /** False while the first automatic layout is still moving the nodes. */
  laidOut: boolean;
  nodes: DesignNode[];
  edges: DesignEdge[];
  readOnly: boolean;
  onConnect: (connection: Connection) => void;
  canConnect: (connection: Connection) => boolean;
  onDelete: (nodes: string[], edges: DesignEdge[]) => void;
  /** False when the move is refused: the canvas puts the nodes back. */
  onMoved: (drag: NodeDrag) => boolean;
  onDropItem: (item: string, scope: string, position: Position) => void;
  onSelection: (nodes: string[], edges: string[]) => void;
}

/**
 * The editing canvas. It holds React Flow's working copy of the nodes (so dragging is smooth), reports finished moves,
 * connections, deletions and drops as intents, and takes new nodes whenever the definition changes.
 */
export function Canvas(props: CanvasProps) {
  const { readOnly, onConnect, canConnect, onDelete, onMoved, onDropItem, onSelection } = props;
  const [nodes, setNodes] = useState(props.nodes);
  const [edges, setEdges] = useState(props.edges);
  const flow = useReactFlow<DesignNode, DesignEdge>();

  useEffect(() => setNodes(props.nodes), [props.nodes]);
  useEffect(() => setEdges(props.edges), [props.edges]);

  const onNodesChange = useCallback((changes: NodeChange<DesignNode>[]) => {
    // Removals go through onDelete (they change the definition); everything else is the canvas's own business.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), current));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<DesignEdge>[]) => {
    setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type !== "remove"), current));
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(dragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const item = event.dataTransfer.getData(dragType);
      if (!item || readOnly) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const target = dropTarget(flow.getNodes(), point);
      onDropItem(item, target.scope, target.position);
    },
    [flow, onDropItem, readOnly],
  );

  // While nodes are dragged over another loop than their own, that loop is marked as where they would go. The class
  // is set on the element directly: drawing the nodes again on every pointer move would slow big graphs down.
  const marked = useRef<Element | null>(null);
  const mark = useCallback((scope: string | undefined) => {
    const element = scope ? document.querySelector(`.react-flow__node[data-id="${CSS.escape(scope)}"]`) : null;
    if (element === marked.current) return;
    marked.current?.classList.remove("drop-target");
    element?.classList.add("drop-target");
    marked.current = element;
  }, []);
  const targetOf = useCallback(
    (event: MouseEvent | TouchEvent, dragged: DesignNode[]) => dropTarget(flow.getNodes(), flow.screenToFlowPosition(pointerOf(event)), dragged.map((n) => n.id)),
    [flow],
  );
  const onNodeDrag = useCallback(
    (event: MouseEvent | TouchEvent, _: DesignNode, dragged: DesignNode[]) => {
      const target = targetOf(event, dragged);
      mark(dragged.some((n) => (n.parentId ?? "") !== target.scope) ? target.scope : undefined);
    },
    [mark, targetOf],
  );
  const onNodeDragStop = (event: MouseEvent | TouchEvent, _: DesignNode, dragged: DesignNode[]) => {
    mark(undefined);
    const target = targetOf(event, dragged);
    const pointer = flow.screenToFlowPosition(pointerOf(event));
    const accepted = onMoved({
      nodes: dragged.map((n) => ({ path: n.id, position: n.position, absolute: flow.getInternalNode(n.id)?.internals.positionAbsolute ?? n.position })),
      scope: target.scope,
      origin: { x: pointer.x - target.position.x, y: pointer.y - target.position.y },
    });
    if (!accepted) setNodes(props.nodes);
  };

  const selectionChanged = useCallback(
    ({ nodes: selectedNodes, edges: selectedEdges }: OnSelectionChangeParams) => onSelection(selectedNodes.map((n) => n.id), selectedEdges.map((e) => e.id)),
    [onSelection],
  );

  const isValidConnection = useCallback(
    (connection: Connection | DesignEdge) => canConnect({ source: connection.source, target: connection.target, sourceHandle: connection.sourceHandle ?? null, targetHandle: connection.targetHandle ?? null }),
    [canConnect],
  );

  const miniMapColor = useMemo(() => (node: DesignNode) => (node.data.errors.length ? "#e5a0a0" : node.type === "loop" ? "#e8efff" : "#b8c4d6"), []);

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas" data-layout={props.laidOut ? "ready" : "pending"}>
      <ReactFlow<DesignNode, DesignEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={({ nodes: gone, edges: cut }) => onDelete(gone.map((n) => n.id), cut)}
        onNodeDrag={readOnly ? undefined : onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={selectionChanged}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : deleteKeys}
        multiSelectionKeyCode={multiSelectionKeys}
        selectionOnDrag={false}
        minZoom={0.05}
        connectionRadius={10}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        defaultViewport={{ x: 0, y: 0, zoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <MiniMap pannable zoomable nodeColor={miniMapColor} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

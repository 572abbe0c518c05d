import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";

/** What a node of the run graph shows. */
export type RunNodeData = {
  path: string;
  label: string;
  activity?: string;
  status: string;
  progress?: string;
  selected: boolean;
};

export type RunFlowNode = Node<RunNodeData, "activity" | "loop">;

/** An activity node, coloured by its status. */
export function RunActivityNode({ data }: NodeProps<RunFlowNode>) {
  return (
    <div className={`run-node run-${data.status}${data.selected ? " picked" : ""}`} data-testid={`run-node-${data.path}`} data-status={data.status}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="run-node-id">{data.label}</div>
      <div className="run-node-activity">{data.activity}</div>
      <div className="run-node-status">{data.status}</div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** A loop container: its header shows the loop's status and progress ("2/3" iterations done). */
export function RunLoopNode({ data }: NodeProps<RunFlowNode>) {
  return (
    <div className={`run-loop run-${data.status}${data.selected ? " picked" : ""}`} data-testid={`run-node-${data.path}`} data-status={data.status}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="run-loop-header">
        <span className="run-node-id">⟳ {data.label}</span>
        <span className="run-loop-progress">{data.progress}</span>
        <span className="run-node-status">{data.status}</span>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

import { memo, useEffect, useMemo, useRef } from "react";
import { Handle, Position, useConnection, useUpdateNodeInternals, type ConnectionState, type InternalNode, type NodeProps } from "@xyflow/react";
import type { DesignNode } from "./elements";
import { draggedType, offeredInputs } from "../model/offers";
import { idOf } from "../model/paths";

/** The type of the value (an output, a loop's previous value) a connection is being drawn from, when it is known. */
function draggedValueType(connection: ConnectionState<InternalNode<DesignNode>>): string | undefined {
  if (!connection.inProgress || connection.fromHandle.type !== "source" || !connection.fromHandle.id) return undefined;
  return draggedType(connection.fromNode.data.view, connection.fromHandle.id);
}

/**
 * An activity node: its id and activity, inputs on the left, outputs on the right, errors in red. While a connection
 * is drawn from another node's output or a loop's previous value, the inputs without a handle that could take it get
 * one (marked "offered").
 */
export const ActivityNode = memo(function ActivityNode({ id, data, selected }: NodeProps<DesignNode>) {
  const { view, errors } = data;
  // The selector's result is a string, so a node draws again only when a connection starts or ends, not as it moves.
  const offeredType = useConnection<DesignNode, string | undefined>((c) => (c.inProgress && c.fromNode.id !== id ? draggedValueType(c) : undefined));
  const offered = useMemo(() => offeredInputs(view, offeredType), [offeredType, view]);
  const inputs = offered.length ? [...view.inputs, ...offered] : view.inputs;
  // React Flow finds a node's handles when it measures it: handles that come and go must be announced.
  const updateNodeInternals = useUpdateNodeInternals();
  const hadOffers = useRef(false);
  useEffect(() => {
    if (!offered.length && !hadOffers.current) return;
    hadOffers.current = offered.length > 0;
    updateNodeInternals(id);
  }, [offered.length, id, updateNodeInternals]);
  const rows = Math.max(1, inputs.length, view.outputs.length);
  return (
    <div
      className={`flow-node activity${errors.length ? " has-errors" : ""}${selected ? " selected" : ""}${view.descriptor ? "" : " unknown"}`}
      data-testid={`node-${view.path}`}
      title={errors.map((e) => e.reason).join("\n") || view.descriptor?.description}
    >
      <Handle type="target" position={Position.Left} id="order:before" className="order-handle" />
      <div className="flow-node-header">
        <span className="flow-node-id">{idOf(view.path)}</span>
        <span className="flow-node-kind">{view.spec.activity}</span>
        {errors.length > 0 && <span className="flow-node-errors" data-testid="node-error-count">{errors.length}</span>}
      </div>
      {Array.from({ length: rows }, (_, i) => {
        const input = inputs[i];
        const output = view.outputs[i];
        return (
          <div className="port-row" key={i}>
            {input && (
              <span className={`port in${i >= view.inputs.length ? " offered" : ""}`} title={`${input.name} (${input.type})${input.description ? `: ${input.description}` : ""}`}>
                <Handle type="target" position={Position.Left} id={`in:${input.name}`} className={`port-handle type-${input.type}`} />
                {input.name}
              </span>
            )}
            {output && (
              <span className="port out" title={`${output.name} (${output.type})${output.description ? `: ${output.description}` : ""}`}>
                {output.name}
                <Handle type="source" position={Position.Right} id={`out:${output.name}`} className={`port-handle type-${output.type}`} />
              </span>
            )}
          </div>
        );
      })}
      <Handle type="source" position={Position.Right} id="order:after" className="order-handle" />
    </div>
  );
});

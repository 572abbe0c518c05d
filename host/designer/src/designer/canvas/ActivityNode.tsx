import { memo } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { DesignNode } from "./elements";
import { idOf } from "../model/paths";

/** An activity node: its id and activity, inputs on the left, outputs on the right, errors in red. */
export const ActivityNode = memo(function ActivityNode({ data, selected }: NodeProps<DesignNode>) {
  const { view, errors } = data;
  const rows = Math.max(1, view.inputs.length, view.outputs.length);
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
        const input = view.inputs[i];
        const output = view.outputs[i];
        return (
          <div className="port-row" key={i}>
            {input && (
              <span className="port in" title={`${input.name} (${input.type})${input.description ? `: ${input.description}` : ""}`}>
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

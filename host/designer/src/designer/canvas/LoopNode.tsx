import { memo } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { DesignNode } from "./elements";
import { idOf } from "../model/paths";
import { scheduleSummary } from "../model/scheduleSummary";

/**
 * A loop container. On its left edge each carried variable has an outer input (its first value) and an inner output
 * (the previous iteration's value, for the body); on its right edge an inner input (the next value, from the body)
 * and an outer output (the final value). All four have the variable's type (see carriedType).
 */
export const LoopNode = memo(function LoopNode({ data, selected }: NodeProps<DesignNode>) {
  const { view, errors } = data;
  const loop = view.spec.loop!;
  return (
    <div className={`flow-node loop${errors.length ? " has-errors" : ""}${selected ? " selected" : ""}`} data-testid={`node-${view.path}`} title={errors.map((e) => e.reason).join("\n")}>
      <Handle type="target" position={Position.Left} id="order:before" className="order-handle" />
      <div className="flow-node-header">
        <span className="flow-node-id">{idOf(view.path)}</span>
        <span className="flow-node-kind">loop · {scheduleSummary(loop.schedule)}</span>
        {errors.length > 0 && <span className="flow-node-errors" data-testid="node-error-count">{errors.length}</span>}
      </div>
      {view.outputs.map(({ name: variable, type }, i) => (
        <div className="loop-variable" key={variable} style={{ top: 38 + i * 20 }}>
          <Handle type="target" position={Position.Left} id={`carry:${variable}`} className={`port-handle type-${type}`} title={`first value of ${variable} (${type})`} />
          <Handle type="source" position={Position.Left} id={`previous:${variable}`} className={`port-handle inner type-${type}`} title={`${variable} of the previous iteration (${type})`} />
          <span className="loop-variable-name">{variable}</span>
          <Handle type="target" position={Position.Right} id={`next:${variable}`} className={`port-handle inner type-${type}`} title={`next value of ${variable} (${type})`} />
          <Handle type="source" position={Position.Right} id={`out:${variable}`} className={`port-handle type-${type}`} title={`final value of ${variable} (${type})`} />
        </div>
      ))}
      {loop.nodes.length === 0 && <div className="loop-empty">Drop activities here: they run once per iteration</div>}
      <Handle type="source" position={Position.Right} id="order:after" className="order-handle" />
    </div>
  );
});

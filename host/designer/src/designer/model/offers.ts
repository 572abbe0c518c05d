import type { NodeView, Port } from "./flow";
import { fits } from "./valueTypes";

// While a connection is drawn from a typed value, the inputs without a handle that could take it get one ("offered").

/**
 * The type of the value a connection drawn from `handle` of `from` carries: an output's, or a loop's previous value
 * (typed as its carried variable); undefined when it is not a value or its type is unknown ("any" offers nothing).
 */
export function draggedType(from: NodeView, handle: string): string | undefined {
  const match = /^(out|previous):(.+)$/.exec(handle);
  if (!match || (match[1] === "previous" && !from.spec.loop)) return undefined;
  const type = from.outputs.find((o) => o.name === match[2])?.type;
  return type === "any" ? undefined : type;
}

/** The inputs of `node` offered a handle while a value of `type` is dragged. */
export function offeredInputs(node: NodeView, type: string | undefined): Port[] {
  return type ? node.bindable.filter((p) => fits(p.type, type)) : [];
}

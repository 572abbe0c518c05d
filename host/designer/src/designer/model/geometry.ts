import type { NodeView } from "./flow";

// The sizes the canvas draws nodes at; layout and loop containers use the same numbers.
export const activityWidth = 220;
export const headerHeight = 36;
export const rowHeight = 20;
export const loopPadding = { top: 64, side: 40, bottom: 24 };
/** The smallest a loop is drawn: room to drop a first row or two of activities into it. */
export const emptyLoop = { width: 420, height: 340 };

export function activityHeight(view: NodeView): number {
  return headerHeight + Math.max(1, view.inputs.length, view.outputs.length) * rowHeight + 10;
}

export interface Position {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

import { useEffect, useMemo, useState } from "react";
import type { ActivityDescriptor, DefinitionDocument } from "../api/types";
import { toFlow, type FlowView } from "../designer/model/flow";
import { activityHeight, activityWidth, loopPadding, type Position, type Size } from "../designer/model/geometry";
import { layout } from "../designer/model/layout";
import { scopeOf } from "../designer/model/paths";

export interface GraphLayout {
  view: FlowView;
  positions: Map<string, Position>;
  sizes: Map<string, Size>;
}

/** The definition's graph laid out as the designer lays it out; loops sized to enclose their bodies. */
export function useGraphLayout(doc: DefinitionDocument | undefined, activities: Map<string, ActivityDescriptor> | undefined) {
  const view = useMemo(() => (doc && activities ? toFlow(doc, activities) : undefined), [doc, activities]);
  const [result, setResult] = useState<GraphLayout>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    if (!view) return;
    let current = true;
    layout(view).then(
      (positions) => current && setResult({ view, positions, sizes: sizesOf(view, positions) }),
      (caught: Error) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [view]);
  return { layout: result, error };
}

// Inner loops are sized before the loops around them: deeper paths first.
function sizesOf(view: FlowView, positions: Map<string, Position>): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const node of view.nodes) if (!node.spec.loop) sizes.set(node.path, { width: activityWidth, height: activityHeight(node) });
  const loops = view.nodes.filter((n) => n.spec.loop).sort((a, b) => b.path.split("/").length - a.path.split("/").length);
  for (const loop of loops) {
    const children = view.nodes.filter((n) => scopeOf(n.path) === loop.path);
    if (!children.length) {
      sizes.set(loop.path, { width: 300, height: 160 });
      continue;
    }
    const right = Math.max(...children.map((c) => (positions.get(c.path)?.x ?? 0) + (sizes.get(c.path)?.width ?? activityWidth)));
    const bottom = Math.max(...children.map((c) => (positions.get(c.path)?.y ?? 0) + (sizes.get(c.path)?.height ?? 0)));
    sizes.set(loop.path, { width: right + loopPadding.side, height: bottom + loopPadding.bottom });
  }
  return sizes;
}

import { useMemo, useState } from "react";
import type { ActivityDescriptor, DefinitionDocument, RunDetail } from "../api/types";
import { ErrorBanner } from "../ui/ErrorBanner";
import { displayStates, type IterationChoice, type LoopIterations } from "./graphState";
import { IterationPicker } from "./IterationPicker";
import { IterationProgress } from "./IterationProgress";
import { NodePanel } from "./NodePanel";
import { RunGraph } from "./RunGraph";
import { definitionPathOf, iterationsOf } from "./runtimePaths";
import { useGraphLayout } from "./useGraphLayout";

/** The live graph with its iteration pickers, the clicked node's panel beside it, and the iterations' progress below. */
export function RunGraphTab(props: {
  run: RunDetail;
  doc: DefinitionDocument;
  activities: Map<string, ActivityDescriptor>;
  statuses: Map<string, string>;
  iterations: LoopIterations;
  selected: string | undefined;
  onSelect: (path: string | undefined) => void;
  onChanged: () => void;
}) {
  const { run, doc, activities, statuses, iterations, selected, onSelect, onChanged } = props;
  const { layout, error } = useGraphLayout(doc, activities);
  const [choice, setChoice] = useState<IterationChoice>(new Map());
  const states = useMemo(
    () => (layout ? displayStates(layout.view.nodes.map((n) => ({ path: n.path, isLoop: !!n.spec.loop })), statuses, iterations, choice, run.status) : new Map()),
    [layout, statuses, iterations, choice, run.status],
  );
  const loops = useMemo(() => loopChoices(layout?.view.nodes.filter((n) => n.spec.loop).map((n) => n.path) ?? [], iterations), [layout, iterations]);
  const picked = selected ? states.get(selected) : undefined;
  return (
    <>
      <ErrorBanner error={error} />
      {loops.length > 0 && (
        <div className="toolbar">
          <span className="muted">Iteration:</span>
          <IterationPicker loops={loops} choice={choice} onChange={setChoice} />
        </div>
      )}
      <div className="run-graph-row">
        <div className="run-canvas">{layout ? <RunGraph layout={layout} states={states} selected={selected} onSelect={onSelect} /> : <p className="empty">Laying out the graph…</p>}</div>
        {selected && (
          <div className="node-panel-wrap">
            <button className="link close" onClick={() => onSelect(undefined)} aria-label="Close">
              ×
            </button>
            <NodePanel run={run} doc={doc} definitionPath={selected} runtimePath={picked?.runtimePath} status={picked?.status ?? "pending"} onRetried={onChanged} />
          </div>
        )}
      </div>
      <IterationProgress run={run} doc={doc} statuses={statuses} iterations={iterations} />
    </>
  );
}

/** The iterations each loop can show: those that started (and the rest up to the count the journal announced). */
function loopChoices(loops: string[], iterations: LoopIterations) {
  return loops.map((loop) => {
    const indices = new Set<number>();
    for (const [path, { count }] of iterations.started) {
      if (definitionPathOf(path) !== loop) continue;
      indices.add(iterationsOf(path).get(loop)!);
      for (let i = 0; i < (count ?? 0); i++) indices.add(i);
    }
    return { path: loop, indices: [...indices].sort((a, b) => a - b) };
  });
}

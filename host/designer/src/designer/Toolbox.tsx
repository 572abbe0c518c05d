import { useMemo, useState, type DragEvent } from "react";
import type { ActivityDescriptor } from "../api/types";
import { dragType } from "./canvas/Canvas";

/** The palette: activities by category (from their descriptors) and the loop container; drag onto the canvas or click to add. */
export function Toolbox({ activities, readOnly, onAdd }: { activities: ActivityDescriptor[]; readOnly: boolean; onAdd: (item: string) => void }) {
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => {
    const byCategory = new Map<string, ActivityDescriptor[]>();
    for (const a of activities) {
      if (filter && !`${a.name} ${a.description}`.toLowerCase().includes(filter.toLowerCase())) continue;
      byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]);
    }
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [activities, filter]);
  const start = (item: string) => (event: DragEvent) => {
    event.dataTransfer.setData(dragType, item);
    event.dataTransfer.effectAllowed = "copy";
  };
  return (
    <aside className="toolbox" data-testid="toolbox">
      <input placeholder="Find an activity" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <h3>Control</h3>
      <div className={`tool loop-tool${readOnly ? " disabled" : ""}`} draggable={!readOnly} onDragStart={start("loop")} onDoubleClick={() => !readOnly && onAdd("loop")} data-testid="tool-loop" title="A loop: its body runs once per iteration with the budget schedule's prompts">
        Loop (iterations)
      </div>
      {groups.map(([category, items]) => (
        <section key={category}>
          <h3>{category}</h3>
          {items.map((a) => (
            <div key={a.name} className={`tool${readOnly ? " disabled" : ""}`} draggable={!readOnly} onDragStart={start(`activity:${a.name}`)} onDoubleClick={() => !readOnly && onAdd(`activity:${a.name}`)} title={a.description} data-testid={`tool-${a.name}`}>
              {a.name}
            </div>
          ))}
        </section>
      ))}
      {!readOnly && <p className="hint">Drag onto the canvas (into a loop to repeat it), or double-click to add.</p>}
    </aside>
  );
}

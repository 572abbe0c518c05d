import type { IterationChoice } from "./graphState";

/** One select per loop: show all its iterations (the latest state of each node) or one of them. */
export function IterationPicker({ loops, choice, onChange }: { loops: { path: string; indices: number[] }[]; choice: IterationChoice; onChange: (choice: IterationChoice) => void }) {
  const pick = (loop: string, value: string) => {
    const next = new Map(choice);
    if (value === "") next.delete(loop);
    else next.set(loop, Number(value));
    onChange(next);
  };
  return (
    <>
      {loops.map((loop) => (
        <label key={loop.path} className="inline">
          {loop.path}
          <select value={choice.get(loop.path) ?? ""} onChange={(e) => pick(loop.path, e.target.value)} data-testid={`iteration-select-${loop.path}`}>
            <option value="">All</option>
            {loop.indices.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}

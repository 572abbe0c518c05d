import type { RunDetail } from "../api/types";
import { definitionPathOf } from "./runtimePaths";

/** Why the run failed: its error in full and each failed node's, a click away from the node on the graph. */
export function RunErrorBox({ run, onSelect }: { run: RunDetail; onSelect: (definitionPath: string) => void }) {
  const failed = run.nodes.filter((n) => n.status === "failed");
  if (run.status !== "failed" && !failed.length) return null;
  return (
    <section className="run-error" data-testid="run-error">
      {run.error && <pre>{run.error}</pre>}
      {failed.map((node) => (
        <div key={node.path} className="failed-node">
          <button className="link mono" onClick={() => onSelect(definitionPathOf(node.path))}>
            {node.path}
          </button>{" "}
          <span className="muted">({node.activity}, {node.attempts} attempt{node.attempts === 1 ? "" : "s"})</span>
          {node.error && <pre>{node.error}</pre>}
        </div>
      ))}
    </section>
  );
}

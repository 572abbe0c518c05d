import type { DefinitionDocument, RunDetail } from "../api/types";
import { allNodes } from "../designer/model/paths";
import { StatusBadge } from "../ui/StatusBadge";
import { iterationStatus, type LoopIterations } from "./graphState";
import { definitionPathOf } from "./runtimePaths";

/** A row per iteration that started: its budget, kept pairs, nodes done of the loop body's, and status. */
export function IterationProgress({ run, doc, statuses, iterations }: { run: RunDetail; doc: DefinitionDocument; statuses: Map<string, string>; iterations: LoopIterations }) {
  const rows = [...iterations.started.keys()];
  if (!rows.length) return null;
  return (
    <>
      <h2>Iterations</h2>
      <table className="iteration-progress" data-testid="iteration-progress">
        <thead>
          <tr>
            <th>Iteration</th>
            <th className="num">Budget</th>
            <th className="num">Kept pairs</th>
            <th>Nodes done</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((path) => {
            const record = run.iterations.find((r) => r.path === path);
            const loop = definitionPathOf(path);
            const total = allNodes(doc).filter((n) => n.path.startsWith(loop + "/") && !n.node.loop).length;
            const done = [...statuses].filter(([p, s]) => p.startsWith(path + "/") && (s === "succeeded" || s === "reused")).length;
            return (
              <tr key={path}>
                <td className="mono">{path}</td>
                <td className="num">{record?.budget ?? ""}</td>
                <td className="num">{record?.keptPairs ?? ""}</td>
                <td>
                  <span className="progress-bar" title={`${done} of ${total}`}>
                    <span style={{ width: `${total ? (100 * done) / total : 0}%` }} />
                  </span>{" "}
                  {done}/{total}
                </td>
                <td>
                  <StatusBadge status={iterationStatus(path, statuses, iterations, run.status)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

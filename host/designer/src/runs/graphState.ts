import type { JournalEntry } from "../api/types";
import { definitionPathOf, iterationsOf } from "./runtimePaths";

/** The iterations the journal saw start (with the loop's iteration count) and end, by runtime path ("iterations/0"). */
export interface LoopIterations {
  started: Map<string, { index: number; count: number | undefined }>;
  completed: Set<string>;
}

/** What the canvas shows of a definition node: its status, the runtime node it stands for, a loop's progress. */
export interface DisplayState {
  status: string;
  runtimePath?: string;
  progress?: string;
}

/** The iteration picked per loop (definition path); a loop absent from the map shows all iterations, the latest first. */
export type IterationChoice = Map<string, number>;

export function loopIterations(journal: JournalEntry[]): LoopIterations {
  const started = new Map<string, { index: number; count: number | undefined }>();
  const completed = new Set<string>();
  for (const entry of journal) {
    if (!entry.node) continue;
    if (entry.kind === "iteration.started") {
      const count = entry.data?.count;
      started.set(entry.node, { index: Number(entry.node.slice(entry.node.lastIndexOf("/") + 1)), count: typeof count === "number" ? count : undefined });
    } else if (entry.kind === "iteration.completed") completed.add(entry.node);
  }
  return { started, completed };
}

/** An iteration's status: succeeded once completed, else what its nodes say, else the run's own end. */
export function iterationStatus(iterationPath: string, statuses: Map<string, string>, iterations: LoopIterations, runStatus: string): string {
  if (iterations.completed.has(iterationPath)) return "succeeded";
  if (!iterations.started.has(iterationPath)) return "pending";
  const inside = [...statuses].filter(([path]) => path.startsWith(iterationPath + "/")).map(([, status]) => status);
  if (inside.includes("failed")) return "failed";
  if (inside.includes("running") || inside.includes("retrying")) return "running";
  return ["cancelled", "interrupted", "failed"].includes(runStatus) ? runStatus : "running";
}

/** The display state of every definition node, for the iterations chosen. */
export function displayStates(
  nodes: { path: string; isLoop: boolean }[],
  statuses: Map<string, string>,
  iterations: LoopIterations,
  choice: IterationChoice,
  runStatus: string,
): Map<string, DisplayState> {
  const states = new Map<string, DisplayState>();
  for (const node of nodes) {
    if (node.isLoop) {
      states.set(node.path, loopState(node.path, statuses, iterations, choice, runStatus));
      continue;
    }
    const instances = [...statuses.keys()].filter((path) => definitionPathOf(path) === node.path && chosen(path, choice));
    const latest = instances.sort(byIterations).at(-1);
    states.set(node.path, { status: latest ? statuses.get(latest)! : "pending", runtimePath: latest ?? plainPath(node.path, choice) });
  }
  return states;
}

function loopState(loop: string, statuses: Map<string, string>, iterations: LoopIterations, choice: IterationChoice, runStatus: string): DisplayState {
  const mine = [...iterations.started.keys()].filter((path) => definitionPathOf(path) === loop && chosen(path, choice)).sort(byIterations);
  const picked = choice.get(loop);
  if (picked !== undefined) {
    const path = mine.find((p) => iterationsOf(p).get(loop) === picked);
    return { status: path ? iterationStatus(path, statuses, iterations, runStatus) : "pending", progress: `iteration ${picked}` };
  }
  const total = Math.max(0, ...mine.map((path) => iterations.started.get(path)!.count ?? 0));
  const done = mine.filter((path) => iterations.completed.has(path)).length;
  const latest = mine.at(-1);
  const failedBeforeAnIteration = [...statuses].some(([path, status]) => status === "failed" && definitionPathOf(path) === loop && chosen(path, choice));
  const status = total > 0 && done >= total ? "succeeded" : latest ? iterationStatus(latest, statuses, iterations, runStatus) : failedBeforeAnIteration ? "failed" : "pending";
  return { status, progress: total ? `${done}/${total}` : undefined };
}

/** Whether a runtime path lies in the iterations chosen for its loops. */
function chosen(runtimePath: string, choice: IterationChoice): boolean {
  for (const [loop, index] of iterationsOf(runtimePath)) {
    const picked = choice.get(loop);
    if (picked !== undefined && picked !== index) return false;
  }
  return true;
}

// Orders runtime paths by their iteration indices, outer loops first, so that the last is the latest.
function byIterations(a: string, b: string): number {
  const left = [...iterationsOf(a).values()];
  const right = [...iterationsOf(b).values()];
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) return left[i] - right[i];
  return left.length - right.length;
}

// The runtime path a node not yet run will have, when every loop around it has an iteration chosen.
function plainPath(definitionPath: string, choice: IterationChoice): string | undefined {
  const segments = definitionPath.split("/");
  const runtime: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    const picked = choice.get(segments.slice(0, i + 1).join("/"));
    if (picked === undefined) return undefined;
    runtime.push(segments[i], String(picked));
  }
  return [...runtime, segments.at(-1)].join("/");
}

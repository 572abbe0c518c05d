import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DefinitionDocument } from "../../api/types";
import { activityNode, addNode, loopNode, renameNode } from "./edit";
import { moveNodes } from "./move";
import { chartOf, findNode, join } from "./paths";

// The built-in definitions live at the repository root; tests run from host/designer.
const alwaysSmallest = () => JSON.parse(readFileSync(`${process.cwd()}/../../workflows/definitions/always-smallest.json`, "utf8")) as DefinitionDocument;

function renamed(result: DefinitionDocument | string): DefinitionDocument {
  if (typeof result === "string") throw new Error(result);
  return result;
}

function moved(result: ReturnType<typeof moveNodes>): DefinitionDocument {
  if (typeof result === "string") throw new Error(result);
  return result.doc;
}

const ids = (doc: DefinitionDocument, scope: string) => chartOf(doc, scope)!.nodes.map((n) => n.id);
const sortedEdges = (doc: DefinitionDocument, scope: string) => [...(chartOf(doc, scope)!.edges ?? [])].map((e) => `${e.from}>${e.to}`).sort();

describe("moving nodes between flowcharts", () => {
  it("moves a node into a loop and out again, keeping its bindings and its ordering", () => {
    const doc = alwaysSmallest();
    const result = moveNodes(doc, ["initial_eval"], "iterations");
    if (typeof result === "string") throw new Error(result);
    expect(result.moved.get("initial_eval")).toBe("iterations/initial_eval");
    expect(ids(result.doc, "")).not.toContain("initial_eval");
    expect(findNode(result.doc, "iterations/initial_eval")!.inputs).toEqual(findNode(doc, "initial_eval")!.inputs);
    // Its edge from 'initial' went with it: the loop already runs after 'initial', which covers the new reader.
    expect(sortedEdges(result.doc, "")).not.toContain("initial>initial_eval");
    expect(sortedEdges(result.doc, "")).toContain("initial>iterations");

    const back = moved(moveNodes(result.doc, ["iterations/initial_eval"], ""));
    expect(findNode(back, "initial_eval")!.inputs).toEqual(findNode(doc, "initial_eval")!.inputs);
    expect(sortedEdges(back, "")).toEqual(sortedEdges(doc, ""));
    expect(sortedEdges(back, "iterations")).toEqual(sortedEdges(doc, "iterations"));
  });

  it("refuses to take a node out of the loop whose nodes it reads", () => {
    expect(moveNodes(alwaysSmallest(), ["iterations/eval"], "")).toMatch(/'eval' reads 'train'/);
  });

  it("refuses to take a node that reads the iteration out of every loop", () => {
    expect(moveNodes(alwaysSmallest(), ["iterations/prompts"], "")).toMatch(/'prompts' reads the loop's iteration/);
  });

  it("refuses to hide a node from the nodes outside the loop that read it", () => {
    expect(moveNodes(alwaysSmallest(), ["offline_keep"], "iterations")).toMatch(/'offline_labels' reads 'offline_keep'/);
  });

  it("refuses a node in the body of the loop whose outputs it reads", () => {
    let doc = addNode(alwaysSmallest(), "", { id: "final_eval", activity: "eval", inputs: { policy: "${nodes.iterations.outputs.policy}" } });
    doc.edges!.push({ from: "iterations", to: "final_eval" });
    expect(moveNodes(doc, ["final_eval"], "iterations")).toMatch(/'final_eval' reads 'iterations'/);
    doc = addNode(doc, "", { id: "again", activity: "eval", inputs: { policy: "${nodes.final_eval.outputs.policy}" } });
    expect(moveNodes(doc, ["again"], "iterations")).toMatch(/cycle/);
  });

  it("refuses a previous value the new loop does not carry", () => {
    const doc = addNode(alwaysSmallest(), "", loopNode("other"));
    expect(moveNodes(doc, ["iterations/train"], "other")).toMatch(/'train' reads the previous 'policy', which the loop 'other' does not carry/);
  });

  it("moves a loop with its body and the edges among the moved nodes into another loop", () => {
    let doc = addNode(alwaysSmallest(), "", loopNode("inner"));
    doc = addNode(doc, "inner", { id: "draw", activity: "prompts", inputs: { task: "${nodes.task.outputs.task}", count: "${iteration.budget}" } });
    doc = addNode(doc, "inner", activityNode("more", "prompts"));
    chartOf(doc, "inner")!.edges = [{ from: "draw", to: "more" }];
    doc.edges!.push({ from: "task", to: "inner" });
    const result = moveNodes(doc, ["inner"], "iterations");
    if (typeof result === "string") throw new Error(result);
    expect(result.moved.get("inner")).toBe("iterations/inner");
    expect(findNode(result.doc, "iterations/inner/draw")!.inputs!.task).toBe("${nodes.task.outputs.task}");
    expect(sortedEdges(result.doc, "iterations/inner")).toEqual(["draw>more"]);
    expect(sortedEdges(result.doc, "")).not.toContain("task>inner");
  });

  it("moves several nodes together with the edges between them, and orders what they read", () => {
    let doc: DefinitionDocument = { id: "demo", version: 1, name: "demo", nodes: [] };
    doc = addNode(doc, "", activityNode("task", "task"));
    doc = addNode(doc, "", { id: "a", activity: "prompts", inputs: { task: "${nodes.task.outputs.task}" } });
    doc = addNode(doc, "", { id: "b", activity: "prompts", inputs: { task: "${nodes.a.outputs.prompts}" } });
    doc = addNode(doc, "", loopNode("loop"));
    doc.edges = [{ from: "task", to: "a" }, { from: "a", to: "b" }];
    const after = moved(moveNodes(doc, ["a", "b"], "loop"));
    expect(ids(after, "loop")).toEqual(["a", "b"]);
    expect(sortedEdges(after, "loop")).toEqual(["a>b"]);
    expect(sortedEdges(after, "")).toEqual(["task>loop"]);
  });

  it("moves nodes whose ids hold '-', read in brackets, and refuses by the same rules", () => {
    const renames: [string, string][] = [["iterations/train", "dpo-train"], ["initial_eval", "initial-eval"], ["initial", "initial-sft"], ["iterations", "dpo-iterations"]];
    const doc = renames.reduce((d, [path, id]) => renamed(renameNode(d, path, id)), alwaysSmallest());
    const inside = moved(moveNodes(doc, ["initial-eval"], "dpo-iterations"));
    expect(findNode(inside, "dpo-iterations/initial-eval")!.inputs!.policy).toBe("${nodes['initial-sft'].outputs.policy}");
    expect(sortedEdges(inside, "")).toContain("initial-sft>dpo-iterations");
    const back = moved(moveNodes(inside, ["dpo-iterations/initial-eval"], ""));
    expect(sortedEdges(back, "")).toEqual(sortedEdges(doc, ""));
    expect(moveNodes(doc, ["dpo-iterations/eval"], "")).toMatch(/'eval' reads 'dpo-train'/);
  });

  it("refuses moves that make no sense, with a reason", () => {
    const doc = alwaysSmallest();
    expect(moveNodes(doc, ["iterations"], "iterations")).toMatch(/already there|into itself/);
    expect(moveNodes(doc, ["task", "iterations/train"], "")).toMatch(/one flowchart/);
    expect(moveNodes(doc, ["task"], "nowhere")).toMatch(/no loop 'nowhere'/);
  });
});

/** A definition from its flowcharts, outer ones first: scope → node ids (an id that is also a scope is a loop), edges "a>b". */
function demo(charts: Record<string, { nodes: string[]; edges?: string[] }>): DefinitionDocument {
  let doc: DefinitionDocument = { id: "demo", version: 1, name: "demo", nodes: [] };
  for (const [scope, chart] of Object.entries(charts)) {
    for (const id of chart.nodes) doc = addNode(doc, scope, join(scope, id) in charts ? loopNode(id) : activityNode(id, "task"));
    chartOf(doc, scope)!.edges = (chart.edges ?? []).map((e) => ({ from: e.split(">")[0], to: e.split(">")[1] }));
  }
  return doc;
}

describe("ordering edges no binding explains, when their nodes move apart", () => {
  it("into a loop: an edge to or from the moved node becomes one to or from the loop", () => {
    const doc = demo({ "": { nodes: ["a", "x", "b", "l"], edges: ["a>x", "x>b"] }, l: { nodes: ["p"] } });
    const after = moved(moveNodes(doc, ["x"], "l"));
    expect(sortedEdges(after, "")).toEqual(["a>l", "l>b"]);
    expect(sortedEdges(after, "l")).toEqual([]);
  });

  it("into a loop inside a loop: the edge goes to the outer loop, the one in the moved node's old flowchart", () => {
    const doc = demo({ "": { nodes: ["a", "x", "l"], edges: ["a>x"] }, l: { nodes: ["m"] }, "l/m": { nodes: ["q"] } });
    const after = moved(moveNodes(doc, ["x"], "l/m"));
    expect(sortedEdges(after, "")).toEqual(["a>l"]);
    expect(sortedEdges(after, "l")).toEqual([]);
  });

  it("out of a loop: an edge from or to a body node becomes one from or to the loop", () => {
    const doc = demo({ "": { nodes: ["l"] }, l: { nodes: ["y", "x", "v", "w"], edges: ["y>x", "v>w"] } });
    const after = moved(moveNodes(doc, ["l/x", "l/v"], ""));
    expect(sortedEdges(after, "")).toEqual(["l>x", "v>l"]);
    expect(sortedEdges(after, "l")).toEqual([]);
  });

  it("out of two loops at once, and from one loop into another", () => {
    const nested = demo({ "": { nodes: ["l"] }, l: { nodes: ["m"] }, "l/m": { nodes: ["y", "x"], edges: ["y>x"] } });
    expect(sortedEdges(moved(moveNodes(nested, ["l/m/x"], "")), "")).toEqual(["l>x"]);
    const siblings = demo({ "": { nodes: ["l1", "l2"] }, l1: { nodes: ["y", "x"], edges: ["y>x"] }, l2: { nodes: ["p"] } });
    expect(sortedEdges(moved(moveNodes(siblings, ["l1/x"], "l2")), "")).toEqual(["l1>l2"]);
  });

  it("adds nothing the edges already imply", () => {
    const through = demo({ "": { nodes: ["a", "m", "x", "l"], edges: ["a>m", "m>l", "a>x"] }, l: { nodes: ["p"] } });
    expect(sortedEdges(moved(moveNodes(through, ["x"], "l")), "")).toEqual(["a>m", "m>l"]);
    const direct = demo({ "": { nodes: ["a", "x", "l"], edges: ["a>l", "a>x"] }, l: { nodes: ["p"] } });
    expect(sortedEdges(moved(moveNodes(direct, ["x"], "l")), "")).toEqual(["a>l"]);
    const twice = demo({ "": { nodes: ["l"] }, l: { nodes: ["y", "z", "x"], edges: ["y>x", "z>x"] } });
    expect(sortedEdges(moved(moveNodes(twice, ["l/x"], "")), "")).toEqual(["l>x"]);
  });

  it("refuses a lifted edge that would close a cycle, and says which", () => {
    const before = demo({ "": { nodes: ["x", "b", "l"], edges: ["x>b", "b>l"] }, l: { nodes: ["p"] } });
    expect(moveNodes(before, ["x"], "l")).toBe("that move would close a cycle: the ordering edge x -> b would become l -> b, but 'l' already runs after 'b'");
    const between = demo({ "": { nodes: ["l"] }, l: { nodes: ["y", "x", "z"], edges: ["y>x", "x>z"] } });
    expect(moveNodes(between, ["l/x"], "")).toMatch(/^that move would close a cycle: the ordering edge x -> z would become x -> l, but 'x' already runs after 'l'/);
    const siblings = demo({ "": { nodes: ["l1", "l2"], edges: ["l2>l1"] }, l1: { nodes: ["y", "x"], edges: ["y>x"] }, l2: { nodes: ["p"] } });
    expect(moveNodes(siblings, ["l1/x"], "l2")).toMatch(/would become l1 -> l2, but 'l1' already runs after 'l2'/);
  });

  it("refuses to put a node inside a loop it is ordered before or after", () => {
    const after = demo({ "": { nodes: ["l", "x"], edges: ["l>x"] }, l: { nodes: ["p"] } });
    expect(moveNodes(after, ["x"], "l")).toMatch(/^'x' runs after the loop 'l' \(an ordering edge\), so it cannot run inside it/);
    const before = demo({ "": { nodes: ["l", "x"], edges: ["x>l"] }, l: { nodes: ["p"] } });
    expect(moveNodes(before, ["x"], "l")).toMatch(/^the loop 'l' runs after 'x' \(an ordering edge\), so 'x' cannot run inside it/);
  });

  it("leaves the edges of bindings to the bindings: a body's read of the moved node orders it inside the loop", () => {
    const doc = demo({ "": { nodes: ["x", "l"], edges: ["x>l"] }, l: { nodes: [] } });
    chartOf(doc, "l")!.nodes.push({ id: "r", activity: "prompts", inputs: { task: "${nodes.x.outputs.task}" } });
    const after = moved(moveNodes(doc, ["x"], "l"));
    expect(sortedEdges(after, "")).toEqual([]);
    expect(sortedEdges(after, "l")).toEqual(["x>r"]);
  });

  it("on a built-in definition: an implied edge adds nothing, an edge to the loop itself is refused", () => {
    const doc = alwaysSmallest();
    doc.edges!.push({ from: "offline_prompts", to: "initial_eval" });
    const after = moved(moveNodes(doc, ["initial_eval"], "iterations"));
    expect(sortedEdges(after, "")).toEqual(sortedEdges(alwaysSmallest(), "").filter((e) => e !== "initial>initial_eval"));
    doc.edges!.push({ from: "initial_eval", to: "iterations" });
    expect(moveNodes(doc, ["initial_eval"], "iterations")).toMatch(/the loop 'iterations' runs after 'initial_eval'/);
  });
});


import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DefinitionDocument } from "../../api/types";
import { activityNode, addNode, loopNode, renameNode } from "./edit";
import { moveNodes } from "./move";
import { chartOf, findNode } from "./paths";

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

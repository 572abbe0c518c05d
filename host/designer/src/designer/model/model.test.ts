import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ActivityDescriptor, DefinitionDocument, NodeSpec } from "../../api/types";
import { nodesRead } from "./bindings";
import { allNodes, findNode, idOf } from "./paths";
import { budgetsOf, split } from "./budgets";
import { candidates } from "./candidates";
import { activityNode, addNode, connect, disconnect, loopNode, removeNodes, renameNode, renameProblem, uniqueId } from "./edit";
import { errorsByNode } from "./errorsByNode";
import { toFlow, type FlowView } from "./flow";
import { draggedType } from "./offers";

const artifact = (name: string) => ({ name, type: "artifact" as const });
const activities = new Map<string, ActivityDescriptor>(
  [
    { name: "task", inputs: [], outputs: [artifact("task")] },
    { name: "pretrain", inputs: [artifact("task"), { name: "steps", type: "integer" as const }], outputs: [artifact("policy")] },
    { name: "prompts", inputs: [artifact("task"), { name: "count", type: "integer" as const }], outputs: [artifact("prompts"), { name: "count", type: "integer" as const }] },
    { name: "sample", inputs: [artifact("policy"), artifact("prompts")], outputs: [artifact("responses")] },
    { name: "train", inputs: [artifact("policy"), artifact("pairs")], outputs: [artifact("policy")] },
  ].map((a) => [a.name, { category: "x", description: "", version: 1, ...a } as ActivityDescriptor]),
);

// The built-in definitions live at the repository root; tests run from host/designer.
const builtIn = (name: string) => JSON.parse(readFileSync(`${process.cwd()}/../../workflows/definitions/${name}.json`, "utf8")) as DefinitionDocument;

function renamed(result: DefinitionDocument | string): DefinitionDocument {
  if (typeof result === "string") throw new Error(result);
  return result;
}

function empty(): DefinitionDocument {
  return { id: "demo", version: 1, name: "demo", nodes: [] };
}

describe("graph edits write the definition", () => {
  it("connecting an output to an input binds it and orders the nodes", () => {
    let doc = addNode(empty(), "", activityNode("task", "task"));
    doc = addNode(doc, "", activityNode("pretrain", "pretrain"));
    const connected = connect(doc, { path: "task", handle: "out:task" }, { path: "pretrain", handle: "in:task" }, activities);
    expect(typeof connected).not.toBe("string");
    doc = connected as DefinitionDocument;
    expect(doc.nodes[1].inputs).toEqual({ task: "${nodes.task.outputs.task}" });
    expect(doc.edges).toEqual([{ from: "task", to: "pretrain" }]);

    const view = toFlow(doc, activities);
    expect(view.edges).toHaveLength(1);
    expect(view.edges[0]).toMatchObject({ source: "task", sourceHandle: "out:task", target: "pretrain", targetHandle: "in:task" });

    const back = disconnect(doc, view.edges[0].meaning);
    expect(back.nodes[1].inputs).toEqual({});
    expect(back.edges).toEqual([]);
  });

  it("a second binding between the same nodes keeps the edge when the first goes", () => {
    let doc = addNode(addNode(empty(), "", activityNode("prompts", "prompts")), "", activityNode("more", "prompts"));
    doc = connect(doc, { path: "prompts", handle: "out:count" }, { path: "more", handle: "in:count" }, activities) as DefinitionDocument;
    doc = connect(doc, { path: "prompts", handle: "out:prompts" }, { path: "more", handle: "in:task" }, activities) as DefinitionDocument;
    expect(doc.edges).toEqual([{ from: "prompts", to: "more" }]);
    const first = toFlow(doc, activities).edges.find((e) => e.targetHandle === "in:count")!;
    doc = disconnect(doc, first.meaning);
    expect(doc.edges).toEqual([{ from: "prompts", to: "more" }]);
  });

  it("refuses a connection that would close a cycle, with a reason", () => {
    let doc = addNode(addNode(empty(), "", activityNode("task", "task")), "", activityNode("pretrain", "pretrain"));
    doc = connect(doc, { path: "task", handle: "out:task" }, { path: "pretrain", handle: "in:task" }, activities) as DefinitionDocument;
    expect(connect(doc, { path: "pretrain", handle: "order:after" }, { path: "task", handle: "order:before" }, activities)).toMatch(/cycle/);
  });

  it("a loop body reads outer nodes through an edge to the loop, and its previous value through the loop", () => {
    let doc = addNode(addNode(empty(), "", activityNode("task", "task")), "", activityNode("pretrain", "pretrain"));
    doc = addNode(doc, "", loopNode("iterations"));
    doc.nodes[2].loop!.carry = { policy: null };
    doc = addNode(doc, "iterations", activityNode("train", "train"));
    doc = connect(doc, { path: "pretrain", handle: "out:policy" }, { path: "iterations", handle: "carry:policy" }, activities) as DefinitionDocument;
    doc = connect(doc, { path: "iterations", handle: "previous:policy" }, { path: "iterations/train", handle: "in:policy" }, activities) as DefinitionDocument;
    doc = connect(doc, { path: "iterations/train", handle: "out:policy" }, { path: "iterations", handle: "next:policy" }, activities) as DefinitionDocument;
    doc = connect(doc, { path: "task", handle: "out:task" }, { path: "iterations/train", handle: "in:pairs" }, activities) as DefinitionDocument;
    const loop = doc.nodes[2].loop!;
    expect(loop.carry).toEqual({ policy: "${nodes.pretrain.outputs.policy}" });
    expect(loop.next).toEqual({ policy: "${nodes.train.outputs.policy}" });
    expect(loop.nodes[0].inputs).toEqual({ policy: "${iteration.previous.policy}", pairs: "${nodes.task.outputs.task}" });
    expect(doc.edges).toEqual([{ from: "pretrain", to: "iterations" }, { from: "task", to: "iterations" }]);
    expect(connect(doc, { path: "iterations/train", handle: "out:policy" }, { path: "pretrain", handle: "in:task" }, activities)).toMatch(/cannot read/);

    const view = toFlow(doc, activities);
    expect(view.edges.map((e) => `${e.source}/${e.sourceHandle} -> ${e.target}/${e.targetHandle}`).sort()).toEqual([
      "iterations/previous:policy -> iterations/train/in:policy",
      "iterations/train/out:policy -> iterations/next:policy",
      "pretrain/out:policy -> iterations/carry:policy",
      "task/out:task -> iterations/train/in:pairs",
    ]);
  });

  it("renaming a node rewrites its edges and every binding that reads it, inside loops too", () => {
    const doc = renamed(renameNode(builtIn("always-smallest"), "task", "problem"));
    const text = JSON.stringify(doc);
    expect(text).not.toContain("nodes.task.");
    expect(text).toContain("${nodes.problem.outputs.task}");
    expect(doc.edges!.filter((e) => e.from === "problem")).toHaveLength(2);
  });

  it("renaming a loop's body node rewrites the loop's next values, which read it from inside", () => {
    const doc = renamed(renameNode(builtIn("always-smallest"), "iterations/train", "dpo-train"));
    expect(findNode(doc, "iterations")!.loop!.next).toEqual({ policy: "${nodes['dpo-train'].outputs.policy}" });
    expect(findNode(doc, "iterations/eval")!.inputs!.policy).toBe("${nodes['dpo-train'].outputs.policy}");
    expect(JSON.stringify(doc)).not.toMatch(/nodes\.train\b/);
  });

  it("renaming takes exactly the engine's ids, and refuses others with the reason", () => {
    const doc = builtIn("always-smallest");
    expect(renamed(renameNode(doc, "task", "corpus-select_2")).nodes[0].id).toBe("corpus-select_2");
    expect(renamed(renameNode(doc, "task", "a" + "-".repeat(63))).nodes[0].id).toHaveLength(64);
    expect(renameNode(doc, "task", "Task")).toMatch(/starts with a lower-case letter/);
    expect(renameNode(doc, "task", "-task")).toMatch(/starts with a lower-case letter/);
    expect(renameNode(doc, "task", "9task")).toMatch(/starts with a lower-case letter/);
    expect(renameNode(doc, "task", "")).toMatch(/at least one character/);
    expect(renameNode(doc, "task", "my task")).toMatch(/' ' is not allowed/);
    expect(renameNode(doc, "task", "my.task")).toMatch(/'.' is not allowed/);
    expect(renameNode(doc, "task", "a".repeat(65))).toMatch(/at most 64 characters/);
    expect(renameNode(doc, "task", "train")).toMatch(/another node is called 'train'/);
    expect(renameProblem(doc, "task", "task")).toBeUndefined();
  });

  it("removing a node drops its edges and the bindings that read it", () => {
    const doc = removeNodes(builtIn("always-smallest"), ["pretrain"]);
    const text = JSON.stringify(doc);
    expect(text).not.toContain("nodes.pretrain.");
    expect(doc.edges!.some((e) => e.from === "pretrain" || e.to === "pretrain")).toBe(false);
  });

  it("removing a loop's body node clears the loop's next values that read it", () => {
    const doc = removeNodes(builtIn("always-smallest"), ["iterations/train"]);
    expect(findNode(doc, "iterations")!.loop!.next).toEqual({ policy: null });
    expect(findNode(doc, "iterations/eval")!.inputs!.policy).toBeUndefined();
  });

  it("new ids never collide with a node anywhere in the definition", () => {
    const doc = builtIn("always-smallest");
    expect(uniqueId(doc, "", "train")).toBe("train_2");
    expect(uniqueId(doc, "iterations", "judge")).toBe("judge");
  });
});

describe("the JSON view and the canvas stay in step", () => {
  it("a binding typed in the JSON is drawn as an edge, and an edge drawn is written into the JSON", () => {
    const typed = `{"id":"demo","version":1,"name":"demo","nodes":[{"id":"task","activity":"task"},
      {"id":"pretrain","activity":"pretrain","inputs":{"task":"\${nodes.task.outputs.task}"}},{"id":"more","activity":"pretrain"}],
      "edges":[{"from":"task","to":"pretrain"}]}`;
    const doc = JSON.parse(typed) as DefinitionDocument;
    expect(toFlow(doc, activities).edges.map((e) => e.id)).toEqual(["input:pretrain:in:task"]);

    const drawn = connect(doc, { path: "task", handle: "out:task" }, { path: "more", handle: "in:task" }, activities) as DefinitionDocument;
    const text = JSON.stringify(drawn, null, 2);
    expect(JSON.parse(text).nodes[2].inputs).toEqual({ task: "${nodes.task.outputs.task}" });
    expect(JSON.parse(text).edges).toContainEqual({ from: "task", to: "more" });
    expect(toFlow(JSON.parse(text) as DefinitionDocument, activities).edges).toHaveLength(2);
  });

  it("cutting any drawn edge of a built-in and drawing it again gives back the same definition", () => {
    for (const name of builtIns) expectRedrawn(builtIn(name), name);
  });
});

const builtIns = ["always-smallest", "budget-decrease", "paper-single-iteration"];

// Cuts each drawn edge of a binding and draws it again: the definition must come back as it was.
function expectRedrawn(doc: DefinitionDocument, name: string) {
  const edgeSet = (d: DefinitionDocument) => JSON.stringify([...allEdges(d)].sort());
  const edges = toFlow(doc, activities).edges.filter((e) => e.sourceHandle.startsWith("out:") || e.sourceHandle.startsWith("previous:"));
  expect(edges.length).toBeGreaterThan(5);
  for (const edge of edges) {
    const cut = disconnect(doc, edge.meaning);
    const again = connect(cut, { path: edge.source, handle: edge.sourceHandle }, { path: edge.target, handle: edge.targetHandle }, activities);
    expect(typeof again, `${name}: ${edge.id}`).not.toBe("string");
    const redrawn = again as DefinitionDocument;
    expect(findNode(redrawn, edge.target), `${name}: ${edge.id}`).toEqual(findNode(doc, edge.target));
    expect(edgeSet(redrawn), `${name}: ${edge.id}`).toBe(edgeSet(doc));
  }
}

// Every node renamed from x_y to x-y-n (no identifier, so read in brackets), the nodes of a loop before the loop.
const dashedId = (id: string) => `${id.replace(/_/g, "-")}-n`;
const dashedPath = (path: string) => path.split("/").map(dashedId).join("/");
const dashed = (doc: DefinitionDocument) => allNodes(doc).reverse().reduce((d, { path }) => renamed(renameNode(d, path, dashedId(idOf(path)))), doc);
const undashed = (doc: DefinitionDocument) => allNodes(doc).reverse().reduce((d, { path }) => renamed(renameNode(d, path, idOf(path).slice(0, -2).replace(/-/g, "_"))), doc);

// Every string of a definition, however deep.
const strings = (value: unknown): string[] => (typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : []);

describe("definitions whose node ids hold '-'", () => {
  it("read every node in brackets, are drawn as before, and rename back to the very same definition", () => {
    for (const name of builtIns) {
      const doc = builtIn(name);
      const renamedDoc = dashed(doc);
      const reads = strings(renamedDoc).flatMap(nodesRead);
      expect(reads, name).toHaveLength(strings(doc).flatMap(nodesRead).length);
      expect(reads.every((id) => id.endsWith("-n")), name).toBe(true);
      expect(JSON.stringify(renamedDoc), name).not.toMatch(/nodes\.[a-z0-9_]+-/);
      const drawn = (view: FlowView, rename: (path: string) => string) =>
        view.edges.map((e) => `${rename(e.source)}/${e.sourceHandle} -> ${rename(e.target)}/${e.targetHandle}`).sort();
      expect(drawn(toFlow(renamedDoc, activities), (p) => p), name).toEqual(drawn(toFlow(doc, activities), dashedPath));
      expect(undashed(renamedDoc), name).toEqual(doc);
    }
  });

  it("cutting any drawn edge and drawing it again gives back the same definition", () => {
    for (const name of builtIns) expectRedrawn(dashed(builtIn(name)), name);
  });

  it("a drawn connection writes the bracket form, and removing the node drops it", () => {
    let doc = addNode(addNode(empty(), "", activityNode("corpus-task", "task")), "", activityNode("pre-train", "pretrain"));
    doc = connect(doc, { path: "corpus-task", handle: "out:task" }, { path: "pre-train", handle: "in:task" }, activities) as DefinitionDocument;
    expect(doc.nodes[1].inputs).toEqual({ task: "${nodes['corpus-task'].outputs.task}" });
    expect(doc.edges).toEqual([{ from: "corpus-task", to: "pre-train" }]);
    expect(toFlow(doc, activities).edges.map((e) => e.id)).toEqual(["input:pre-train:in:task"]);
    expect(removeNodes(doc, ["corpus-task"]).nodes).toEqual([{ id: "pre-train", activity: "pretrain", inputs: {} }]);
  });

  it("removing a node drops the bindings that read it in either form", () => {
    const doc = removeNodes(dashed(builtIn("always-smallest")), ["pretrain-n"]);
    expect(strings(doc).flatMap(nodesRead)).not.toContain("pretrain-n");
    expect(doc.edges!.some((e) => e.from === "pretrain-n" || e.to === "pretrain-n")).toBe(false);
  });
});

// Every edge of every flowchart of a definition, as "scope: from -> to".
function* allEdges(doc: DefinitionDocument): Generator<string> {
  for (const { path, node } of [{ path: "", node: { loop: doc } as unknown as NodeSpec }, ...allNodes(doc)]) {
    for (const e of node.loop?.edges ?? []) yield `${path}: ${e.from} -> ${e.to}`;
  }
}

describe("the canvas view of a built-in definition", () => {
  it("draws every binding to a node output and no ordering edge a binding explains", () => {
    const doc = builtIn("always-smallest");
    const view = toFlow(doc, activities);
    expect(view.nodes).toHaveLength(10 + 8);
    expect(view.nodes.find((n) => n.path === "iterations/train")).toBeDefined();
    // initial -> iterations is explained by the loop's carried policy; every top-level edge is drawn by a binding.
    expect(view.edges.filter((e) => e.meaning.kind === "order")).toEqual([]);
    expect(view.edges.find((e) => e.id === "carry:iterations:carry:policy")?.source).toBe("initial");
  });

  it("types every built-in loop's carried policy (and updated reference) as the artifact it takes", () => {
    const names = readdirSync(`${process.cwd()}/../../workflows/definitions`).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
    const carried = names.flatMap((name) =>
      toFlow(builtIn(name), activities)
        .nodes.filter((n) => n.spec.loop)
        .flatMap((n) => n.outputs.map((o) => `${name}/${n.path}: ${o.name} ${o.type}`)),
    );
    expect(carried.filter((c) => c.endsWith(": policy artifact"))).toHaveLength(6);
    expect(carried).toContain("always-smallest-updated-reference/iterations: reference artifact");
    expect(carried.filter((c) => !c.endsWith(" artifact"))).toEqual([]);
  });

  it("offers a built-in loop's previous policy to its body's policy inputs only", () => {
    const doc = builtIn("always-smallest");
    expect(candidates(doc, "iterations/sample", "artifact", activities).map((c) => c.label)).toContain("previous policy");
    expect(candidates(doc, "iterations/prompts", "integer", activities).map((c) => c.label)).not.toContain("previous policy");
    const loop = toFlow(doc, activities).nodes.find((n) => n.path === "iterations")!;
    expect(draggedType(loop, "previous:policy")).toBe("artifact");
    expect(connect(doc, { path: "iterations", handle: "previous:policy" }, { path: "iterations/prompts", handle: "in:count" }, activities)).toMatch(/type mismatch/);
  });

  it("errors land on the node their pointer is in", () => {
    const doc = builtIn("always-smallest");
    const byNode = errorsByNode(doc, [
      { pointer: "/nodes/9/loop/nodes/4/inputs/budget", reason: "x" },
      { pointer: "/nodes/1/inputs/steps", reason: "y" },
      { pointer: "/parameters/beta", reason: "z" },
    ]);
    expect([...byNode.keys()].sort()).toEqual(["", "iterations/corpus", "pretrain"]);
  });
});

describe("inputs without a handle", () => {
  it("are offered for binding until bound to an output, then drawn", () => {
    let doc = addNode(addNode(empty(), "", activityNode("first", "prompts")), "", activityNode("second", "prompts"));
    const before = toFlow(doc, activities).nodes.find((n) => n.path === "second")!;
    expect(before.inputs.map((p) => p.name)).toEqual(["task"]);
    expect(before.bindable.map((p) => p.name)).toEqual(["count"]);
    doc = connect(doc, { path: "first", handle: "out:count" }, { path: "second", handle: "in:count" }, activities) as DefinitionDocument;
    const after = toFlow(doc, activities).nodes.find((n) => n.path === "second")!;
    expect(after.inputs.map((p) => p.name)).toEqual(["task", "count"]);
    expect(after.bindable).toEqual([]);
  });
});

describe("budgets per iteration", () => {
  it("splits a total as the engine does (largest remainder, ties to the lower index)", () => {
    expect(split("decrease", 3000, 3)).toEqual([1500, 1000, 500]);
    expect(split("increase", 10, 3)).toEqual([2, 3, 5]);
    expect(split("constant", 10, 3)).toEqual([4, 3, 3]);
  });

  it("reads bound totals from the parameters' defaults and keeps a fraction", () => {
    const budgets = budgetsOf({ rule: "decrease", total: "${params.total}", iterations: 3, keepFraction: 0.5 }, { total: { type: "integer", default: 3000 } });
    expect(budgets).toEqual([{ prompts: 1500, kept: 750 }, { prompts: 1000, kept: 500 }, { prompts: 500, kept: 250 }]);
    expect(budgetsOf({ rule: "sideways", total: 10, iterations: 2 })).toBeUndefined();
    expect(budgetsOf([100, 50])).toEqual([{ prompts: 100, kept: 50 }, { prompts: 50, kept: 25 }]);
  });
});

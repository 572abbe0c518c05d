import { describe, expect, it } from "vitest";
import type { ActivityDescriptor, DefinitionDocument, NodeSpec } from "../../api/types";
import { candidates } from "./candidates";
import { connect } from "./edit";
import { toFlow } from "./flow";
import { draggedType, offeredInputs } from "./offers";
import { carriedType } from "./valueTypes";

const artifact = (name: string) => ({ name, type: "artifact" as const });
const integer = (name: string) => ({ name, type: "integer" as const });
const number = (name: string) => ({ name, type: "number" as const });
const activities = new Map<string, ActivityDescriptor>(
  [
    { name: "pretrain", inputs: [], outputs: [artifact("policy")] },
    { name: "prompts", inputs: [artifact("policy"), integer("count")], outputs: [artifact("prompts"), integer("count")] },
    { name: "train", inputs: [artifact("policy"), number("beta")], outputs: [artifact("policy"), number("loss")] },
  ].map((a) => [a.name, { category: "x", description: "", version: 1, ...a } as ActivityDescriptor]),
);

const activity = (id: string, name: string, inputs: Record<string, unknown> = {}): NodeSpec => ({ id, activity: name, inputs });

// pretrain → iterations (a loop whose body is one train node) → after; the loop carries `carry`, with next values `next`.
function withLoop(carry: Record<string, unknown>, next: Record<string, unknown>, parameters: DefinitionDocument["parameters"] = {}): DefinitionDocument {
  return {
    id: "demo",
    version: 1,
    name: "demo",
    parameters,
    nodes: [
      activity("pretrain", "pretrain"),
      { id: "iterations", loop: { schedule: [10, 10], carry, nodes: [activity("train", "train"), activity("count", "prompts")], edges: [], next } },
      activity("after", "prompts"),
    ],
    edges: [
      { from: "pretrain", to: "iterations" },
      { from: "iterations", to: "after" },
    ],
  };
}

const typeOf = (doc: DefinitionDocument, variable: string) => carriedType(doc, "iterations", variable, activities);
const fail = (result: DefinitionDocument | string) => (typeof result === "string" ? result : "connected");

describe("a carried variable's type", () => {
  it("is that of the output its first value reads", () => {
    expect(typeOf(withLoop({ policy: "${nodes.pretrain.outputs.policy}" }, { policy: null }), "policy")).toBe("artifact");
  });

  it("is that of its next value when the first tells nothing", () => {
    expect(typeOf(withLoop({ policy: null }, { policy: "${nodes.train.outputs.policy}" }), "policy")).toBe("artifact");
    expect(typeOf(withLoop({ loss: "${ 1 + 1 }" }, { loss: "${nodes.train.outputs.loss}" }), "loss")).toBe("number");
  });

  it("is a literal's or a parameter's type, an integer and a number making a number", () => {
    expect(typeOf(withLoop({ n: 3 }, { n: "${iteration.index}" }), "n")).toBe("integer");
    expect(typeOf(withLoop({ n: 0 }, { n: "${nodes.train.outputs.loss}" }), "n")).toBe("number");
    expect(typeOf(withLoop({ n: 0.5 }, { n: null }), "n")).toBe("number");
    expect(typeOf(withLoop({ s: "text" }, { s: null }), "s")).toBe("string");
    expect(typeOf(withLoop({ b: true }, { b: null }), "b")).toBe("boolean");
    expect(typeOf(withLoop({ rate: "${params.rate}" }, { rate: "${iteration.previous.rate}" }, { rate: { type: "number", default: 0.1 } }), "rate")).toBe("number");
  });

  it("follows the previous value it is passed on from", () => {
    const doc = withLoop({ policy: "${nodes.pretrain.outputs.policy}", reference: null }, { policy: "${nodes.train.outputs.policy}", reference: "${iteration.previous.policy}" });
    expect(typeOf(doc, "reference")).toBe("artifact");
  });

  it("is any when it cannot be told, or when its values disagree", () => {
    expect(typeOf(withLoop({ x: null }, { x: null }), "x")).toBe("any");
    expect(typeOf(withLoop({ x: "${nodes.missing.outputs.x}" }, { x: "${iteration.previous.x}" }), "x")).toBe("any");
    expect(typeOf(withLoop({ x: "${params.unknown}" }, { x: [1, 2] }), "x")).toBe("any");
    expect(typeOf(withLoop({ x: "${nodes.pretrain.outputs.policy}" }, { x: "${nodes.train.outputs.loss}" }), "x")).toBe("any");
  });

  it("is passed on by a loop's final value", () => {
    const doc = withLoop({ policy: "${nodes.pretrain.outputs.policy}" }, { policy: "${nodes.train.outputs.policy}" });
    doc.nodes.push({ id: "outer", loop: { schedule: [10], carry: { best: "${nodes.iterations.outputs.policy}" }, nodes: [], edges: [], next: { best: null } } });
    expect(carriedType(doc, "outer", "best", activities)).toBe("artifact");
    expect(toFlow(doc, activities).nodes.find((n) => n.path === "iterations")?.outputs).toEqual([{ name: "policy", type: "artifact" }]);
  });
});

describe("while a connection is drawn from a carried variable", () => {
  const counted = withLoop({ n: "${nodes.pretrain.outputs.policy}", count: 0 }, { n: "${nodes.train.outputs.policy}", count: "${iteration.budget}" });
  const view = (path: string) => toFlow(counted, activities).nodes.find((n) => n.path === path)!;

  it("its final value offers the inputs of its type", () => {
    expect(draggedType(view("iterations"), "out:count")).toBe("integer");
    expect(offeredInputs(view("after"), draggedType(view("iterations"), "out:count")).map((p) => p.name)).toEqual(["count"]);
    expect(offeredInputs(view("after"), draggedType(view("iterations"), "out:n"))).toEqual([]);
  });

  it("its previous value offers the body's inputs of its type", () => {
    expect(draggedType(view("iterations"), "previous:count")).toBe("integer");
    expect(offeredInputs(view("iterations/count"), draggedType(view("iterations"), "previous:count")).map((p) => p.name)).toEqual(["count"]);
    expect(offeredInputs(view("iterations/train"), draggedType(view("iterations"), "previous:count")).map((p) => p.name)).toEqual(["beta"]);
  });

  it("one of unknown type offers nothing, as before", () => {
    const unknown = withLoop({ x: null }, { x: null });
    const loop = toFlow(unknown, activities).nodes.find((n) => n.path === "iterations")!;
    expect(draggedType(loop, "out:x")).toBeUndefined();
    expect(draggedType(loop, "previous:x")).toBeUndefined();
    expect(draggedType(view("after"), "previous:count")).toBeUndefined();
  });
});

describe("a connection between types that do not fit", () => {
  const doc = withLoop({ policy: "${nodes.pretrain.outputs.policy}", x: null }, { policy: "${nodes.train.outputs.policy}", x: null });

  it("is refused from a carried variable, with the reason", () => {
    expect(fail(connect(doc, { path: "iterations", handle: "previous:policy" }, { path: "iterations/count", handle: "in:count" }, activities))).toBe(
      "type mismatch: input 'count' of 'count' takes an integer, but the previous policy gives an artifact",
    );
    expect(fail(connect(doc, { path: "iterations", handle: "out:policy" }, { path: "after", handle: "in:count" }, activities))).toBe(
      "type mismatch: input 'count' of 'after' takes an integer, but 'iterations → policy' gives an artifact",
    );
    expect(fail(connect(doc, { path: "pretrain", handle: "out:policy" }, { path: "after", handle: "in:count" }, activities))).toMatch(/^type mismatch/);
  });

  it("is made when the types fit, or one of them is unknown", () => {
    expect(fail(connect(doc, { path: "iterations", handle: "out:policy" }, { path: "after", handle: "in:policy" }, activities))).toBe("connected");
    expect(fail(connect(doc, { path: "iterations", handle: "previous:policy" }, { path: "iterations/train", handle: "in:policy" }, activities))).toBe("connected");
    expect(fail(connect(doc, { path: "iterations", handle: "out:x" }, { path: "after", handle: "in:count" }, activities))).toBe("connected");
    expect(fail(connect(doc, { path: "iterations/train", handle: "out:loss" }, { path: "iterations", handle: "next:x" }, activities))).toBe("connected");
  });
});

describe("the inputs' choices of a binding", () => {
  const doc = withLoop({ policy: "${nodes.pretrain.outputs.policy}" }, { policy: "${nodes.train.outputs.policy}" });
  const labels = (path: string, type: string) => candidates(doc, path, type, activities).map((c) => c.label);

  it("offer a carried variable to the inputs of its type only", () => {
    expect(labels("iterations/count", "artifact")).toContain("previous policy");
    expect(labels("iterations/count", "integer")).not.toContain("previous policy");
    expect(labels("after", "artifact")).toContain("iterations → policy");
    expect(labels("after", "integer")).not.toContain("iterations → policy");
  });
});

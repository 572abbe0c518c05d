import { describe, expect, it } from "vitest";
import { nodesRead, outputBinding, paramBinding, parseBinding, previousBinding, readsNode, renameInValue, sameBinding } from "./bindings";
import { referencesIn, referenceText } from "./references";

// The engine reads a node whose id is no identifier in brackets, single or double quoted, with any spacing between
// the parts of a reference: nodes['corpus-select'].outputs.pairs. The dot form nodes.a-b.outputs.x is a subtraction.

describe("bindings to node outputs, in the dot and the bracket form", () => {
  it("writes the dot form for an identifier id and the bracket form otherwise", () => {
    expect(outputBinding("train", "policy")).toBe("${nodes.train.outputs.policy}");
    expect(outputBinding("corpus-select", "pairs")).toBe("${nodes['corpus-select'].outputs.pairs}");
    expect(outputBinding("a-b", "x")).not.toContain("nodes.a-b");
    expect(previousBinding("policy")).toBe("${iteration.previous.policy}");
    expect(paramBinding("beta")).toBe("${params.beta}");
  });

  it("quotes a name as the engine does, and reads it back", () => {
    expect(referenceText("nodes", ["it's", "outputs", "a\\b"])).toBe("nodes['it\\'s'].outputs['a\\\\b']");
    expect(referencesIn(`\${${referenceText("nodes", ["it's", "outputs", "a\\b"])}}`)[0].members.map((m) => m.name)).toEqual(["it's", "outputs", "a\\b"]);
  });

  it("parses both forms, with either quote, escapes and any spacing between the parts", () => {
    const output = { kind: "output", node: "corpus-select", output: "pairs" };
    expect(parseBinding("${nodes['corpus-select'].outputs.pairs}")).toEqual(output);
    expect(parseBinding('${nodes["corpus-select"].outputs.pairs}')).toEqual(output);
    expect(parseBinding("${ nodes [ 'corpus-select' ] . outputs\n['pairs'] }")).toEqual(output);
    expect(parseBinding("${nodes['corpus\\u002dselect'].outputs.pairs}")).toEqual(output);
    expect(parseBinding("${nodes.train.outputs.policy}")).toEqual({ kind: "output", node: "train", output: "policy" });
    expect(parseBinding("${nodes['train'].outputs.policy}")).toEqual({ kind: "output", node: "train", output: "policy" });
    expect(parseBinding("${iteration['previous'].policy}")).toEqual({ kind: "previous", variable: "policy" });
    expect(parseBinding("${ params.beta }")).toEqual({ kind: "param", name: "beta" });
    expect(parseBinding(outputBinding("a-b", "x"))).toEqual({ kind: "output", node: "a-b", output: "x" });
  });

  it("parses no binding from what is not exactly one reference", () => {
    for (const value of [
      "${nodes.a-b.outputs.x}", // a subtraction
      "${nodes['a-b'].outputs.x + 1}",
      "x ${nodes['a-b'].outputs.x}",
      "$${nodes.a.outputs.x}", // an escaped, literal ${
      "${nodes['a-b'].outputs.x",
      "${nodes[''].outputs.x}",
      "${nodes[a].outputs.x}",
      "${'nodes.a.outputs.x'}",
      "${nodes.a.outputs}",
      "nodes.a.outputs.x",
      42,
    ]) {
      expect(parseBinding(value), String(value)).toBeUndefined();
    }
  });

  it("compares bindings however they are written", () => {
    expect(sameBinding("${nodes['a-b'].outputs.x}", '${ nodes["a-b"].outputs["x"] }')).toBe(true);
    expect(sameBinding("${nodes.a.outputs.x}", "${nodes['a'].outputs.x}")).toBe(true);
    expect(sameBinding("${nodes.a.outputs.x}", "${nodes.a.outputs.y}")).toBe(false);
    expect(sameBinding("literal", "literal")).toBe(false);
  });
});

describe("the nodes a value reads", () => {
  it("finds references in both forms, embedded ones and those inside expressions included", () => {
    expect(nodesRead("${nodes.a.outputs.x}")).toEqual(["a"]);
    expect(nodesRead("run-${nodes['a-b'].outputs.x}-of-${ nodes[\"c-d\"] . outputs.y }")).toEqual(["a-b", "c-d"]);
    expect(nodesRead("${min(nodes.a.outputs.x, nodes['b-c'].outputs.y) * 2}")).toEqual(["a", "b-c"]);
    expect(nodesRead("${nodes.a.outputs.nodes}")).toEqual(["a"]);
    expect(nodesRead("${nodes.a.outputs.x > 1.5 ? nodes['e-1'].outputs.y : 2e-3}")).toEqual(["a", "e-1"]);
  });

  it("ignores escaped segments, strings, other roots and plain text", () => {
    expect(nodesRead("$${nodes.a.outputs.x}")).toEqual([]);
    expect(nodesRead("${'nodes.a.outputs.x' + \"nodes['b'].outputs.y\"}")).toEqual([]);
    expect(nodesRead("${params.nodes} ${iteration.previous.nodes}")).toEqual([]);
    expect(nodesRead("nodes.a.outputs.x")).toEqual([]);
    expect(nodesRead(7)).toEqual([]);
  });

  it("tells whether a value reads a node by its whole id", () => {
    expect(readsNode("${nodes['a-b'].outputs.x}", "a-b")).toBe(true);
    expect(readsNode("${nodes['a-b'].outputs.x}", "a")).toBe(false);
    expect(readsNode("${nodes.ab.outputs.x}", "a")).toBe(false);
    expect(readsNode("${nodes.a-b.outputs.x}", "a")).toBe(true); // what the engine reads: nodes.a minus b...
  });
});

describe("renaming the node a value reads", () => {
  const value = "${nodes.a.outputs.x} ${nodes.ab.outputs.x} ${nodes['a-b'].outputs.x} ${nodes[\"a\"].outputs.y} ${nodes.b.outputs.a} ${params.a} $${nodes.a.outputs.x} ${'nodes.a'}";

  it("rewrites every reference to the id, in either form, and nothing else", () => {
    expect(renameInValue(value, "a", "z")).toBe(
      "${nodes.z.outputs.x} ${nodes.ab.outputs.x} ${nodes['a-b'].outputs.x} ${nodes.z.outputs.y} ${nodes.b.outputs.a} ${params.a} $${nodes.a.outputs.x} ${'nodes.a'}",
    );
    expect(renameInValue(value, "a-b", "c")).toBe(value.replace("${nodes['a-b'].outputs.x}", "${nodes.c.outputs.x}"));
  });

  it("writes the form the new id needs", () => {
    expect(renameInValue("${nodes.a.outputs.x}", "a", "corpus-select")).toBe("${nodes['corpus-select'].outputs.x}");
    expect(renameInValue("${ nodes [ \"a-b\" ] .outputs.x + nodes.a.outputs.x}", "a-b", "c-d")).toBe("${ nodes ['c-d'] .outputs.x + nodes.a.outputs.x}");
    expect(renameInValue("${nodes['a-b'].outputs.x}", "a-b", "ab")).toBe("${nodes.ab.outputs.x}");
  });

  it("goes into lists and objects, and leaves other values alone", () => {
    expect(renameInValue({ total: "${nodes['a-b'].outputs.n}", rule: "constant", budgets: ["${nodes['a-b'].outputs.m}", 3] }, "a-b", "c")).toEqual({
      total: "${nodes.c.outputs.n}",
      rule: "constant",
      budgets: ["${nodes.c.outputs.m}", 3],
    });
    expect(renameInValue(12, "a", "b")).toBe(12);
    expect(renameInValue(null, "a", "b")).toBeNull();
  });
});

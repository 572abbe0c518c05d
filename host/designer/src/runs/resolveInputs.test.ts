import { describe, expect, it } from "vitest";
import type { DefinitionDocument, NodeState, RunDetail } from "../api/types";
import { renameNode } from "../designer/model/edit";
import { resolveInputs } from "./resolveInputs";

const doc: DefinitionDocument = {
  id: "d",
  version: 1,
  name: "d",
  parameters: { beta: { type: "number", default: 0.1 }, epochs: { type: "integer", default: 2 } },
  nodes: [
    { id: "initial", activity: "train" },
    {
      id: "iterations",
      loop: {
        schedule: [10, 10],
        carry: { policy: "${nodes.initial.outputs.policy}" },
        next: { policy: "${nodes.train.outputs.policy}" },
        nodes: [
          {
            id: "train",
            activity: "train",
            inputs: { policy: "${iteration.previous.policy}", beta: "${params.beta}", epochs: "${params.epochs}", budget: "${iteration.budget}", loss: "dpo", note: "at ${iteration.index}" },
          },
        ],
      },
    },
  ],
};
const node = (path: string, outputs: Record<string, unknown>): NodeState => ({ path, activity: "train", status: "succeeded", attempts: 1, seconds: 1, error: null, outputs });
const run = {
  parameters: { beta: 0.2 },
  nodes: [node("initial", { policy: "p0" }), node("iterations/0/train", { policy: "p1" })],
  iterations: [{ path: "iterations/1", index: 1, budget: 10, keptPairs: 5, metrics: {} }],
} as unknown as RunDetail;

const values = (path: string) => Object.fromEntries(resolveInputs(doc, run, path).map((input) => [input.name, input.resolved ? input.value : "?"]));

describe("resolveInputs", () => {
  it("reads parameters (given or default), iteration members and literals", () => {
    expect(values("iterations/1/train")).toMatchObject({ beta: 0.2, epochs: 2, budget: 10, loss: "dpo", note: "?" });
  });

  it("reads a carried value from the loop's carry first, then from the previous iteration", () => {
    expect(values("iterations/0/train").policy).toBe("p0");
    expect(values("iterations/1/train").policy).toBe("p1");
  });

  it("tells bound inputs from literals", () => {
    const inputs = resolveInputs(doc, run, "iterations/1/train");
    expect(inputs.find((i) => i.name === "loss")?.bound).toBe(false);
    expect(inputs.find((i) => i.name === "note")?.bound).toBe(true);
  });

  it("reads the outputs of nodes whose ids hold '-', which bindings write in brackets", () => {
    const renamed = [["iterations/train", "dpo-train"], ["initial", "initial-sft"]].reduce((d, [path, id]) => renameNode(d, path, id) as DefinitionDocument, doc);
    expect(renamed.nodes[1].loop!.carry).toEqual({ policy: "${nodes['initial-sft'].outputs.policy}" });
    const dashedRun = { ...run, nodes: [node("initial-sft", { policy: "p0" }), node("iterations/0/dpo-train", { policy: "p1" })] } as RunDetail;
    const policy = (path: string) => resolveInputs(renamed, dashedRun, path).find((i) => i.name === "policy");
    expect(policy("iterations/0/dpo-train")).toMatchObject({ bound: true, resolved: true, value: "p0" });
    expect(policy("iterations/1/dpo-train")).toMatchObject({ bound: true, resolved: true, value: "p1" });
  });
});

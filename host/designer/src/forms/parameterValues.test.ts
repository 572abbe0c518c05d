import { describe, expect, it } from "vitest";
import type { ParameterSpec } from "../api/types";
import { changedParameterValues, parameterErrors, parameterTextsOf } from "./parameterValues";

const specs: Record<string, ParameterSpec> = {
  iterations: { type: "integer", default: 3, minimum: 1 },
  beta: { type: "number", default: 0.1 },
  loss: { type: "string", default: "sigmoid", enum: ["sigmoid", "ipo"] },
  shuffle: { type: "boolean", default: true },
};

describe("parameter values", () => {
  it("sends only values that differ from the defaults, typed", () => {
    const texts = { iterations: "5", beta: "0.1", loss: "ipo", shuffle: "false", unknown: "1" };
    expect(changedParameterValues(specs, texts)).toEqual({ iterations: 5, loss: "ipo", shuffle: false });
  });

  it("treats empty texts as the default", () => {
    expect(changedParameterValues(specs, { iterations: " ", beta: "" })).toEqual({});
  });

  it("reports each invalid value by parameter", () => {
    expect(parameterErrors(specs, { iterations: "0", beta: "x", loss: "hinge" })).toEqual({
      iterations: "must be at least 1",
      beta: "must be a number",
      loss: "must be one of sigmoid, ipo",
    });
  });

  it("turns stored values back into texts", () => {
    expect(parameterTextsOf({ iterations: 5, loss: "ipo", shuffle: false })).toEqual({ iterations: "5", loss: "ipo", shuffle: "false" });
  });
});

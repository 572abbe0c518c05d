import { describe, expect, it } from "vitest";
import { validateValue } from "./validateValue";
import type { ParameterSpec, PortDescriptor } from "../api/types";

describe("validateValue", () => {
  it("passes no value at all", () => {
    for (const empty of [undefined, null, ""]) expect(validateValue(empty, { type: "integer", minimum: 1 })).toBeUndefined();
  });

  it("parses integers strictly", () => {
    const spec = { type: "integer" };
    expect(validateValue("42", spec)).toBeUndefined();
    expect(validateValue(" -3 ", spec)).toBeUndefined();
    expect(validateValue(7, spec)).toBeUndefined();
    expect(validateValue("4.5", spec)).toBe("must be a whole number");
    expect(validateValue("12abc", spec)).toBe("must be a whole number");
    expect(validateValue(4.5, spec)).toBe("must be a whole number");
    expect(validateValue("99999999999999999999", spec)).toBe("must be a whole number");
  });

  it("parses numbers strictly", () => {
    const spec = { type: "number" };
    expect(validateValue("0.5", spec)).toBeUndefined();
    expect(validateValue("1e-3", spec)).toBeUndefined();
    expect(validateValue(".25", spec)).toBeUndefined();
    expect(validateValue("abc", spec)).toBe("must be a number");
    expect(validateValue("1,5", spec)).toBe("must be a number");
    expect(validateValue(Number.NaN, spec)).toBe("must be a number");
  });

  it("checks inclusive bounds", () => {
    const spec: ParameterSpec = { type: "integer", default: 3, minimum: 1, maximum: 10 };
    expect(validateValue("1", spec)).toBeUndefined();
    expect(validateValue("10", spec)).toBeUndefined();
    expect(validateValue("0", spec)).toBe("must be at least 1");
    expect(validateValue("11", spec)).toBe("must be at most 10");
  });

  it("checks exclusive bounds", () => {
    const spec: ParameterSpec = { type: "number", default: 0.5, minimum: 0, maximum: 1, exclusiveMinimum: true, exclusiveMaximum: true };
    expect(validateValue("0.5", spec)).toBeUndefined();
    expect(validateValue("0", spec)).toBe("must be greater than 0");
    expect(validateValue("1", spec)).toBe("must be less than 1");
  });

  it("ignores null bounds of an activity input", () => {
    const port: PortDescriptor = { name: "beta", type: "number", minimum: null, maximum: null };
    expect(validateValue("-1000", port)).toBeUndefined();
  });

  it("checks enum and allowed values", () => {
    const parameter: ParameterSpec = { type: "string", default: "a", enum: ["a", "b"] };
    expect(validateValue("b", parameter)).toBeUndefined();
    expect(validateValue("c", parameter)).toBe("must be one of a, b");
    const port: PortDescriptor = { name: "loss", type: "string", allowedValues: ["sigmoid", "ipo"] };
    expect(validateValue("hinge", port)).toBe("must be one of sigmoid, ipo");
    expect(validateValue("free text", { type: "string", allowedValues: null })).toBeUndefined();
  });

  it("checks booleans", () => {
    const spec = { type: "boolean" };
    expect(validateValue("true", spec)).toBeUndefined();
    expect(validateValue("False", spec)).toBeUndefined();
    expect(validateValue(false, spec)).toBeUndefined();
    expect(validateValue("yes", spec)).toBe("must be true or false");
  });

  it("wants text for a string", () => {
    expect(validateValue(3, { type: "string" })).toBe("must be text");
  });
});

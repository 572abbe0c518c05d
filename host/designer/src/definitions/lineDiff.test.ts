import { describe, expect, it } from "vitest";
import { diffLines, sideBySide } from "./lineDiff";

describe("diffLines", () => {
  it("keeps equal documents", () => {
    expect(diffLines(["a", "b"], ["a", "b"])).toEqual([
      { kind: "same", text: "a" },
      { kind: "same", text: "b" },
    ]);
  });

  it("finds removed and added lines around common ones", () => {
    expect(diffLines(["a", "b", "c"], ["a", "x", "c", "d"])).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("handles empty sides", () => {
    expect(diffLines([], ["a"])).toEqual([{ kind: "added", text: "a" }]);
    expect(diffLines(["a"], [])).toEqual([{ kind: "removed", text: "a" }]);
    expect(diffLines([], [])).toEqual([]);
  });

  it("keeps the longest common subsequence", () => {
    const ops = diffLines(["x", "a", "b", "c"], ["a", "b", "c", "y"]);
    expect(ops.filter((op) => op.kind === "same").map((op) => op.text)).toEqual(["a", "b", "c"]);
  });
});

describe("sideBySide", () => {
  it("pairs a removed line with the added one that replaces it and numbers both sides", () => {
    const rows = sideBySide(diffLines(["a", "b", "c"], ["a", "x", "y", "c"]));
    expect(rows).toEqual([
      { kind: "same", left: { number: 1, text: "a" }, right: { number: 1, text: "a" } },
      { kind: "changed", left: { number: 2, text: "b" }, right: { number: 2, text: "x" } },
      { kind: "added", left: undefined, right: { number: 3, text: "y" } },
      { kind: "same", left: { number: 3, text: "c" }, right: { number: 4, text: "c" } },
    ]);
  });

  it("leaves a removal without a partner on the left only", () => {
    const rows = sideBySide(diffLines(["a", "b"], ["a"]));
    expect(rows[1]).toEqual({ kind: "removed", left: { number: 2, text: "b" }, right: undefined });
  });
});

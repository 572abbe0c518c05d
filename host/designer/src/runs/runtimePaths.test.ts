import { describe, expect, it } from "vitest";
import { definitionPathOf, iterationsOf, runtimeScope } from "./runtimePaths";

describe("runtime paths", () => {
  it("drops the iteration numbers for the definition path", () => {
    expect(definitionPathOf("task")).toBe("task");
    expect(definitionPathOf("iterations/2/train")).toBe("iterations/train");
    expect(definitionPathOf("a/1/b/0/x")).toBe("a/b/x");
  });

  it("reads the iteration of each loop", () => {
    expect([...iterationsOf("a/1/b/0/x")]).toEqual([
      ["a", 1],
      ["a/b", 0],
    ]);
    expect(iterationsOf("task").size).toBe(0);
  });

  it("finds the runtime scope of an enclosing definition scope", () => {
    expect(runtimeScope("a/1/b/0/x", "")).toBe("");
    expect(runtimeScope("a/1/b/0/x", "a")).toBe("a/1");
    expect(runtimeScope("a/1/b/0/x", "a/b")).toBe("a/1/b/0");
  });
});

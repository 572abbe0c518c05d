import { describe, expect, it } from "vitest";
import type { DesignNode } from "./elements";
import { graphBounds } from "./useFitGraph";

const node = (id: string, x: number, y: number, width: number, height: number, parentId?: string): DesignNode =>
  ({ id, position: { x, y }, width, height, parentId, data: {} }) as unknown as DesignNode;

describe("graphBounds", () => {
  it("is the box around the top-level nodes, loops enclosing their bodies", () => {
    const nodes = [node("a", 10, 20, 100, 50), node("loop", 200, -30, 300, 400), node("loop/b", 5000, 5000, 100, 50, "loop")];
    expect(graphBounds(nodes)).toEqual({ x: 10, y: -30, width: 490, height: 400 });
  });

  it("is undefined for an empty canvas", () => {
    expect(graphBounds([])).toBeUndefined();
  });
});

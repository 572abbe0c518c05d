import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DefinitionDocument } from "../../api/types";
import { renameProblem } from "../model/edit";
import { NodeIdField } from "./NodeIdField";

afterEach(cleanup);

const doc: DefinitionDocument = { id: "d", version: 1, name: "d", nodes: [{ id: "task", activity: "task" }, { id: "corpus-select", activity: "corpus-select" }] };

function field(onRename: (id: string) => void) {
  render(<NodeIdField id="task" problem={(id) => renameProblem(doc, "task", id)} readOnly={false} onRename={onRename} />);
  return screen.getByTestId("node-id") as HTMLInputElement;
}

describe("the node id field", () => {
  it("renames to any id the engine takes, '-' included", () => {
    const onRename = vi.fn();
    const input = field(onRename);
    fireEvent.change(input, { target: { value: "task-2_b" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onRename).toHaveBeenCalledWith("task-2_b");
  });

  it("refuses other ids and says why", () => {
    const onRename = vi.fn();
    const input = field(onRename);
    for (const [id, reason] of [
      ["Task", "an id starts with a lower-case letter (a-z)"],
      ["task 2", "' ' is not allowed: use a-z, 0-9, '_' and '-'"],
      ["corpus-select", "another node is called 'corpus-select'"],
    ]) {
      fireEvent.change(input, { target: { value: id } });
      fireEvent.blur(input);
      expect(screen.getByText(reason)).toBeTruthy();
    }
    expect(onRename).not.toHaveBeenCalled();
  });
});

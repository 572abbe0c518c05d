import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PortDescriptor } from "../../api/types";
import { InputField } from "./InputField";

afterEach(cleanup);

const steps: PortDescriptor = { name: "steps", type: "integer", default: 600, minimum: 1, maximum: null, description: "SFT updates." };
const strategy: PortDescriptor = { name: "strategy", type: "string", default: "smallest", allowedValues: ["smallest", "largest"] };
const policy: PortDescriptor = { name: "policy", type: "artifact", required: true };
const candidates = [{ label: "iteration budget", binding: "${iteration.budget}" }];

function field(port: PortDescriptor, value: unknown, handlers: Partial<{ onLiteral: (v: unknown) => void; onBind: () => void; onClear: () => void }> = {}) {
  return render(
    <InputField port={port} value={value} candidates={candidates} readOnly={false} errors={[]} onLiteral={handlers.onLiteral ?? (() => {})} onBind={handlers.onBind ?? (() => {})} onClear={handlers.onClear ?? (() => {})} />,
  );
}

describe("an activity input's field, generated from its descriptor", () => {
  it("takes a typed number within the range and sends it as a number", () => {
    const onLiteral = vi.fn();
    field(steps, undefined, { onLiteral });
    const input = screen.getByPlaceholderText("default: 600") as HTMLInputElement;

    fireEvent.change(input, { target: { value: "0" } });
    expect(screen.getByText("must be at least 1")).toBeTruthy();
    fireEvent.blur(input);
    expect(onLiteral).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: "30" } });
    fireEvent.blur(input);
    expect(onLiteral).toHaveBeenCalledWith(30);
    expect(screen.getByText("SFT updates.")).toBeTruthy();
  });

  it("offers an input's allowed values, and the default when none is set", () => {
    field(strategy, undefined);
    const select = screen.getByRole("combobox") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["default (smallest)", "smallest", "largest"]);
  });

  it("shows a bound value as its binding and switches to picking one", () => {
    const onBind = vi.fn();
    field(steps, "${iteration.budget}", { onBind });
    const select = screen.getByRole("combobox") as HTMLSelectElement;
    expect(select.value).toBe("${iteration.budget}");
    fireEvent.change(select, { target: { value: "${iteration.budget}" } });
    expect(onBind).toHaveBeenCalledWith(candidates[0]);
  });

  it("shows a binding written in another form as the candidate it reads", () => {
    const output = { label: "corpus-select → pairs", binding: "${nodes['corpus-select'].outputs.pairs}" };
    render(<InputField port={policy} value={'${ nodes["corpus-select"].outputs.pairs }'} candidates={[output]} readOnly={false} errors={[]} onLiteral={() => {}} onBind={() => {}} onClear={() => {}} />);
    expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe(output.binding);
  });

  it("an artifact input is only ever bound", () => {
    field(policy, undefined);
    expect(screen.queryByText("bind…")).toBeNull();
    expect((screen.getByRole("combobox") as HTMLSelectElement).options[0].textContent).toBe("— not connected —");
  });
});

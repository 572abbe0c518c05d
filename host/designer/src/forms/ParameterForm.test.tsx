import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ParameterSpec } from "../api/types";
import { ParameterForm } from "./ParameterForm";

afterEach(cleanup);

const specs: Record<string, ParameterSpec> = {
  preset: { type: "string", default: "tiny", enum: ["tiny", "small"], description: "Model size." },
  iterations: { type: "integer", default: 3, minimum: 1, maximum: 100 },
  beta: { type: "number", default: 0.1, minimum: 0, exclusiveMinimum: true },
  lengthNormalised: { type: "boolean", default: false },
};

describe("the parameter form, generated from the specs", () => {
  it("draws a select for choices and booleans, a typed input with the default as placeholder otherwise, and the docs", () => {
    render(<ParameterForm specs={specs} texts={{}} disabled={false} onChange={() => {}} />);

    const preset = screen.getByLabelText(/preset/) as HTMLSelectElement;
    expect(preset.tagName).toBe("SELECT");
    expect([...preset.options].map((o) => o.value)).toEqual(["", "tiny", "small"]);
    expect((screen.getByLabelText(/lengthNormalised/) as HTMLSelectElement).tagName).toBe("SELECT");
    expect((screen.getByLabelText(/iterations/) as HTMLInputElement).placeholder).toBe("default: 3");
    expect(screen.getByText("Model size.")).toBeTruthy();
    expect(screen.getByText(/integer, 1 ≤ x ≤ 100/)).toBeTruthy();
  });

  it("says inline what is wrong with a typed value, against the spec's range", () => {
    render(<ParameterForm specs={specs} texts={{ iterations: "0", beta: "0" }} disabled={false} onChange={() => {}} />);

    expect(screen.getByText("must be at least 1")).toBeTruthy();
    expect(screen.getByText("must be greater than 0")).toBeTruthy();
    expect((screen.getByLabelText(/iterations/) as HTMLInputElement).getAttribute("aria-invalid")).toBe("true");
  });

  it("reports each edit with the parameter's name", () => {
    const onChange = vi.fn();
    render(<ParameterForm specs={specs} texts={{}} disabled={false} onChange={onChange} />);

    fireEvent.change(screen.getByLabelText(/iterations/), { target: { value: "7" } });
    fireEvent.change(screen.getByLabelText(/preset/), { target: { value: "small" } });

    expect(onChange.mock.calls).toEqual([["iterations", "7"], ["preset", "small"]]);
  });
});

import type { ParameterSpec } from "../api/types";
import { parseValue } from "./parseValue";
import { validateValue } from "./validateValue";

/** What the user typed per parameter; a parameter left empty keeps its default. */
export type ParameterTexts = Record<string, string>;

/** Stored parameter values as the texts a form edits. */
export function parameterTextsOf(values: Record<string, unknown>): ParameterTexts {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)]));
}

/** Why each typed value does not fit its parameter; texts for parameters the definition lacks are ignored. */
export function parameterErrors(specs: Record<string, ParameterSpec>, texts: ParameterTexts): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const message = validateValue(texts[name], spec);
    if (message) errors[name] = message;
  }
  return errors;
}

/** The values to send: only parameters that were given a value other than their default, parsed to their type. */
export function changedParameterValues(specs: Record<string, ParameterSpec>, texts: ParameterTexts): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const text = texts[name];
    if (text === undefined || text.trim() === "") continue;
    const value = parseValue(text, spec.type);
    if (value !== spec.default) values[name] = value;
  }
  return values;
}

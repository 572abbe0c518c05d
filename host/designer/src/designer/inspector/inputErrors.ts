import type { ValidationError } from "../../api/types";

/** The reasons of the errors that concern one input of a node (their pointers end in /inputs/<name>). */
export function inputErrors(errors: ValidationError[], input: string): string[] {
  return errors.filter((e) => e.pointer.endsWith(`/inputs/${input}`) || e.pointer.includes(`/inputs/${input}/`)).map((e) => e.reason);
}

/** The reasons of a node's errors that no input field shows. */
export function otherErrors(errors: ValidationError[], inputs: string[]): string[] {
  return errors.filter((e) => !inputs.some((name) => e.pointer.endsWith(`/inputs/${name}`) || e.pointer.includes(`/inputs/${name}/`))).map((e) => e.reason);
}

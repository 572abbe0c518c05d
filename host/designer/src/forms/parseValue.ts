// Typed text to the JSON value a parameter or activity input takes, strictly: "1e3" is a number, "12abc" is not.

const integerPattern = /^[+-]?\d+$/;
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The integer that text spells, or undefined when it spells none (or one too large to hold exactly). */
export function parseInteger(text: string): number | undefined {
  const trimmed = text.trim();
  if (!integerPattern.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** The finite number that text spells, or undefined. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** true or false from "true"/"false" (any case), or undefined. */
export function parseBoolean(text: string): boolean | undefined {
  const trimmed = text.trim().toLowerCase();
  return trimmed === "true" ? true : trimmed === "false" ? false : undefined;
}

/** The JSON value of typed text for a type; text that does not fit the type stays text (validation says why). */
export function parseValue(text: string, type: string): unknown {
  const parsed = type === "integer" ? parseInteger(text) : type === "number" ? parseNumber(text) : type === "boolean" ? parseBoolean(text) : text;
  return parsed === undefined ? text : parsed;
}

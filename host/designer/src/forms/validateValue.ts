import { parseBoolean, parseInteger, parseNumber } from "./parseValue";

/**
 * What a value must be: a definition parameter (ParameterSpec, with enum) or an activity input (PortDescriptor,
 * with allowedValues and nullable bounds) both fit.
 */
export interface ValueSpec {
  type: string;
  minimum?: number | null;
  maximum?: number | null;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  enum?: readonly string[] | null;
  allowedValues?: readonly string[] | null;
}

/**
 * Why a value does not fit its spec, or undefined when it does. The value is typed text (from an input) or an
 * already typed JSON value; no value at all (undefined, null, "") passes, since whether one is needed is the caller's.
 */
export function validateValue(value: unknown, spec: ValueSpec): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  switch (spec.type) {
    case "integer": {
      const number = typeof value === "number" ? (Number.isSafeInteger(value) ? value : undefined) : parseInteger(String(value));
      return number === undefined ? "must be a whole number" : rangeMessage(number, spec);
    }
    case "number": {
      const number = typeof value === "number" ? (Number.isFinite(value) ? value : undefined) : parseNumber(String(value));
      return number === undefined ? "must be a number" : rangeMessage(number, spec);
    }
    case "boolean":
      return typeof value === "boolean" || parseBoolean(String(value)) !== undefined ? undefined : "must be true or false";
    case "string":
      return typeof value === "string" ? allowedMessage(value, spec) : "must be text";
    default:
      return undefined;
  }
}

function rangeMessage(value: number, spec: ValueSpec): string | undefined {
  const { minimum, maximum } = spec;
  if (minimum !== undefined && minimum !== null) {
    if (spec.exclusiveMinimum && value <= minimum) return `must be greater than ${minimum}`;
    if (value < minimum) return `must be at least ${minimum}`;
  }
  if (maximum !== undefined && maximum !== null) {
    if (spec.exclusiveMaximum && value >= maximum) return `must be less than ${maximum}`;
    if (value > maximum) return `must be at most ${maximum}`;
  }
  return undefined;
}

function allowedMessage(value: string, spec: ValueSpec): string | undefined {
  const allowed = spec.enum ?? spec.allowedValues;
  if (!allowed || allowed.length === 0 || allowed.includes(value)) return undefined;
  return `must be one of ${allowed.join(", ")}`;
}

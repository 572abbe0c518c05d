// The engine's rule for node ids: a lower-case letter, then up to 63 lower-case letters, digits, '_' or '-'. An id
// with '-' is no identifier, so bindings read it in brackets (${nodes['corpus-select'].outputs.pairs}).

const rule = /^[a-z][a-z0-9_-]{0,63}$/;

/** Why a text cannot be a node id, undefined when it can. */
export function nodeIdProblem(id: string): string | undefined {
  if (rule.test(id)) return undefined;
  if (!id) return "an id needs at least one character";
  if (!/^[a-z]/.test(id)) return "an id starts with a lower-case letter (a-z)";
  const bad = [...id].find((c) => !/[a-z0-9_-]/.test(c));
  if (bad !== undefined) return `'${bad}' is not allowed: use a-z, 0-9, '_' and '-'`;
  return `an id has at most 64 characters, this one ${id.length}`;
}

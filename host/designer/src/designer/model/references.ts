// References as the engine's expression language writes them: a root (nodes, params, iteration, run) followed by
// members, each `.name` (an identifier) or `['name']` / `["name"]` (any name, such as a node id with '-'), with
// spaces, tabs and line breaks allowed between the parts. They are read out of a value's ${...} segments the way the
// engine's lexer and parser read them ("$${" is an escaped literal, a segment ends at the first '}' outside a string),
// and written in the engine's canonical form. Malformed text is read as far as it goes: the validator reports it.

/** One member of a reference, with the span of its `.name` or `[...]` in the text, so that it can be rewritten. */
export interface Member {
  name: string;
  start: number;
  end: number;
}

export interface Reference {
  root: string;
  members: Member[];
}

/** A `${...}` segment: from its "${" to just past its '}' (or the end of an unclosed one), with its references. */
export interface Segment {
  start: number;
  end: number;
  references: Reference[];
  /** The reference when a closed segment's expression is that reference and nothing else. */
  only?: Reference;
}

interface Token {
  kind: "name" | "string" | "number" | "punct" | "close";
  /** The identifier, the string's value, the number, or the punctuation character. */
  text: string;
  start: number;
  end: number;
}

const roots = new Set(["params", "iteration", "nodes", "run"]);
const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\n";
const isDigit = (c: string) => c >= "0" && c <= "9";
const isNamePart = (c: string) => /[A-Za-z0-9_]/.test(c);

/** Whether a name can follow a dot; others are written in brackets. */
export const isIdentifier = (name: string) => identifier.test(name);

/** Every segment of a value, in order. */
export function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  while (at < text.length) {
    if (text.startsWith("$${", at)) at += 3;
    else if (text.startsWith("${", at)) {
      const segment = readSegment(text, at);
      segments.push(segment);
      at = segment.end;
    } else at++;
  }
  return segments;
}

/** Every reference of every segment of a value, in the order written. */
export function referencesIn(text: string): Reference[] {
  return segmentsOf(text).flatMap((s) => s.references);
}

/** A member as the engine writes it: `.name` for an identifier, `['name']` otherwise. */
export function memberText(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${quote(name)}]`;
}

/** A reference in canonical form, e.g. ("nodes", ["corpus-select", "outputs", "pairs"]) → nodes['corpus-select'].outputs.pairs. */
export function referenceText(root: string, names: string[]): string {
  return root + names.map(memberText).join("");
}

// A single-quoted string literal that the engine reads back as `value` (its Lexer.Quote).
function quote(value: string): string {
  const escapes: Record<string, string> = { "\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
  const body = [...value].map((c) => escapes[c] ?? (c < " " ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c)).join("");
  return `'${body}'`;
}

function readSegment(text: string, open: number): Segment {
  const tokens: Token[] = [];
  for (let at = open + 2; ; ) {
    const token = nextToken(text, at);
    if (!token) return { start: open, end: text.length, references: referencesOf(tokens).map((r) => r.reference) };
    at = token.end;
    if (token.kind === "close") {
      const found = referencesOf(tokens);
      const only = found.length === 1 && found[0].tokens === tokens.length ? found[0].reference : undefined;
      return { start: open, end: at, references: found.map((r) => r.reference), only };
    }
    tokens.push(token);
  }
}

// The token at or after `at` (spaces skipped), undefined at the end of the text.
function nextToken(text: string, at: number): Token | undefined {
  while (at < text.length && isSpace(text[at])) at++;
  if (at >= text.length) return undefined;
  const c = text[at];
  if (c === "}") return { kind: "close", text: c, start: at, end: at + 1 };
  if (c === "'" || c === '"') return readString(text, at);
  if (isDigit(c)) {
    const end = numberEnd(text, at);
    return { kind: "number", text: text.slice(at, end), start: at, end };
  }
  if (isNamePart(c)) {
    let end = at + 1;
    while (end < text.length && isNamePart(text[end])) end++;
    return { kind: "name", text: text.slice(at, end), start: at, end };
  }
  return { kind: "punct", text: c, start: at, end: at + 1 };
}

// Past a number such as 12, 1.5 or 1e-3: its '.' is no member access.
function numberEnd(text: string, at: number): number {
  const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at));
  return at + match![0].length;
}

// A quoted string with the engine's escapes (\\ \' \" \n \r \t \uXXXX); an unclosed one runs to the end of the text.
function readString(text: string, open: number): Token {
  const quoteChar = text[open];
  const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t" };
  let value = "";
  let at = open + 1;
  while (at < text.length && text[at] !== quoteChar) {
    if (text[at] !== "\\" || at + 1 >= text.length) {
      value += text[at++];
    } else if (text[at + 1] === "u") {
      value += String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
      at += 6;
    } else {
      value += escapes[text[at + 1]] ?? text[at + 1];
      at += 2;
    }
  }
  return { kind: "string", text: value, start: open, end: Math.min(at + 1, text.length) };
}

// The references among a segment's tokens, each with how many tokens it takes. A root is a name the parser would read
// as a value: not a member after '.', not a function before '('.
function referencesOf(tokens: Token[]): { reference: Reference; tokens: number }[] {
  const found: { reference: Reference; tokens: number }[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    const isRoot = token.kind === "name" && roots.has(token.text) && !isPunct(tokens[i - 1], ".") && !isPunct(tokens[i + 1], "(");
    if (!isRoot) {
      i++;
      continue;
    }
    const members: Member[] = [];
    let next = i + 1;
    for (let member = memberAt(tokens, next); member; member = memberAt(tokens, next)) {
      members.push(member.member);
      next += member.tokens;
    }
    found.push({ reference: { root: token.text, members }, tokens: next - i });
    i = next;
  }
  return found;
}

function memberAt(tokens: Token[], i: number): { member: Member; tokens: number } | undefined {
  const [first, second, third] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (isPunct(first, ".") && second?.kind === "name") {
    return { member: { name: second.text, start: first.start, end: second.end }, tokens: 2 };
  }
  if (isPunct(first, "[") && second?.kind === "string" && second.text !== "" && isPunct(third, "]")) {
    return { member: { name: second.text, start: first.start, end: third.end }, tokens: 3 };
  }
  return undefined;
}

const isPunct = (token: Token | undefined, text: string) => token?.kind === "punct" && token.text === text;

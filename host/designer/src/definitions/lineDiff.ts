// A line diff by longest common subsequence, and its side-by-side rows, for comparing two pretty-printed documents.

export type LineOp = { kind: "same" | "removed" | "added"; text: string };

/** One row of a side-by-side view: a line on the left, on the right, or both, with 1-based line numbers. */
export interface DiffRow {
  kind: "same" | "removed" | "added" | "changed";
  left?: { number: number; text: string };
  right?: { number: number; text: string };
}

/** The edit script from before to after: kept, removed and added lines in order (removals before additions). */
export function diffLines(before: readonly string[], after: readonly string[]): LineOp[] {
  // common[i][j]: the length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      ops.push({ kind: "same", text: before[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      ops.push({ kind: "removed", text: before[i++] });
    } else {
      ops.push({ kind: "added", text: after[j++] });
    }
  }
  while (i < before.length) ops.push({ kind: "removed", text: before[i++] });
  while (j < after.length) ops.push({ kind: "added", text: after[j++] });
  return ops;
}

/** Pairs each run of removed lines with the added lines that follow it, so a changed line sits beside its new form. */
export function sideBySide(ops: readonly LineOp[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 0;
  let right = 0;
  for (let k = 0; k < ops.length; ) {
    if (ops[k].kind === "same") {
      rows.push({ kind: "same", left: { number: ++left, text: ops[k].text }, right: { number: ++right, text: ops[k].text } });
      k++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < ops.length && ops[k].kind === "removed") removed.push(ops[k++].text);
    while (k < ops.length && ops[k].kind === "added") added.push(ops[k++].text);
    for (let n = 0; n < Math.max(removed.length, added.length); n++) {
      const hasLeft = n < removed.length;
      const hasRight = n < added.length;
      rows.push({
        kind: hasLeft && hasRight ? "changed" : hasLeft ? "removed" : "added",
        left: hasLeft ? { number: ++left, text: removed[n] } : undefined,
        right: hasRight ? { number: ++right, text: added[n] } : undefined,
      });
    }
  }
  return rows;
}

import { useMemo } from "react";
import { diffLines, sideBySide, type DiffRow } from "./lineDiff";

/** Two documents pretty-printed in two columns, the lines that differ highlighted. */
export function SideBySideJson({ before, after, beforeLabel, afterLabel }: { before: unknown; after: unknown; beforeLabel: string; afterLabel: string }) {
  const rows = useMemo(() => sideBySide(diffLines(lines(before), lines(after))), [before, after]);
  return (
    <div className="side-by-side mono" role="table" aria-label="Side-by-side comparison">
      <div className="side-by-side-head">{beforeLabel}</div>
      <div className="side-by-side-head">{afterLabel}</div>
      {rows.map((row, index) => (
        <Row key={index} row={row} />
      ))}
    </div>
  );
}

function Row({ row }: { row: DiffRow }) {
  const leftClass = row.kind === "same" ? "" : row.left ? "line-removed" : "line-empty";
  const rightClass = row.kind === "same" ? "" : row.right ? "line-added" : "line-empty";
  return (
    <>
      <Line className={leftClass} line={row.left} />
      <Line className={rightClass} line={row.right} />
    </>
  );
}

function Line({ className, line }: { className: string; line?: { number: number; text: string } }) {
  return (
    <div className={`diff-line ${className}`}>
      <span className="line-number">{line?.number}</span>
      <span className="line-text">{line?.text}</span>
    </div>
  );
}

function lines(document: unknown): string[] {
  return JSON.stringify(document, null, 2).split("\n");
}

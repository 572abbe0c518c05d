/** Series colours, distinguishable and in the same order on every chart. */
export const palette = ["#2f6fed", "#e0662b", "#1f8a4c", "#8e44ad", "#c83232", "#b7791f", "#0f8b8d", "#6b7280"];

export function colorOf(index: number): string {
  return palette[index % palette.length];
}

/** A linear map from a data range onto a pixel range, with round tick values. */
export function linearScale(domain: [number, number], range: [number, number]) {
  let [d0, d1] = domain;
  if (!Number.isFinite(d0) || !Number.isFinite(d1)) [d0, d1] = [0, 1];
  if (d0 === d1) [d0, d1] = [d0 - 1, d1 + 1];
  const [r0, r1] = range;
  const map = (value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
  map.ticks = (count = 5) => niceTicks(d0, d1, count);
  return map;
}

export function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min;
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => span / s <= count) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** The smallest and largest of some values, padded so lines do not touch the frame. */
export function extent(values: number[], pad = 0.05): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const margin = (max - min || Math.abs(max) || 1) * pad;
  return [min - margin, max + margin];
}

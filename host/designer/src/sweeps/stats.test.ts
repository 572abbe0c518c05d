import { describe, expect, it } from "vitest";
import { confidenceInterval, mean, sampleStdDev, tCdf, tQuantile } from "./stats";

describe("Student's t", () => {
  it("has the textbook 97.5% quantiles", () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.303, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.962, 3);
  });

  it("is symmetric about zero", () => {
    expect(tQuantile(0.5, 7)).toBeCloseTo(0, 9);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.776, 3);
    expect(tCdf(0, 3)).toBeCloseTo(0.5, 12);
    expect(tCdf(-1, 3) + tCdf(1, 3)).toBeCloseTo(1, 12);
  });

  it("has other quantiles too", () => {
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.812, 3);
    expect(tQuantile(0.995, 5)).toBeCloseTo(4.032, 3);
  });
});

describe("confidence intervals", () => {
  it("gives the mean and the t interval of 1..5", () => {
    const interval = confidenceInterval([1, 2, 3, 4, 5]);
    expect(mean([1, 2, 3, 4, 5])).toBe(3);
    expect(sampleStdDev([1, 2, 3, 4, 5])).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(interval.n).toBe(5);
    expect(interval.mean).toBe(3);
    // 2.776 * sqrt(2.5) / sqrt(5) = 1.963
    expect(interval.halfWidth).toBeCloseTo(1.963, 3);
  });

  it("has no width for a single value", () => {
    expect(confidenceInterval([0.4])).toEqual({ n: 1, mean: 0.4, halfWidth: undefined });
  });
});

import { describe, expect, it } from "vitest";
import type { Schedule } from "../api/types";
import { formOf, newScheduleForm, requestOf, scheduleIdError, seedError } from "./scheduleForm";

const schedule: Schedule = {
  id: "nightly",
  cron: "0 0 2 * * ?",
  timeZone: "Europe/Berlin",
  definitionId: "budget",
  version: 2,
  parameters: { iterations: 4 },
  seed: 7,
  action: "continue-experiment",
  iterationParameter: "iterations",
  misfire: "skip",
  overlap: "buffer-one",
  paused: true,
  nextFireTimes: [],
  runs: "/api/runs?schedule=nightly",
};

describe("schedule form", () => {
  it("round-trips a schedule into the request that stores it again", () => {
    const request = requestOf(formOf(schedule), { iterations: { type: "integer", default: 3 } });
    expect(request).toEqual({
      cron: "0 0 2 * * ?",
      timeZone: "Europe/Berlin",
      definitionId: "budget",
      version: 2,
      parameters: { iterations: 4 },
      seed: 7,
      action: "continue-experiment",
      iterationParameter: "iterations",
      misfire: "skip",
      overlap: "buffer-one",
      paused: true,
    });
  });

  it("leaves version, seed and iteration parameter out when not chosen", () => {
    const request = requestOf({ ...newScheduleForm, definitionId: "budget" }, {});
    expect(request.version).toBeUndefined();
    expect(request.seed).toBeUndefined();
    expect(request.iterationParameter).toBeUndefined();
  });

  it("checks ids and seeds as the server does", () => {
    expect(scheduleIdError("nightly-2")).toBeUndefined();
    expect(scheduleIdError("2nightly")).toMatch(/starting with a letter/);
    expect(scheduleIdError("Nightly")).toBeDefined();
    expect(seedError("")).toBeUndefined();
    expect(seedError("42")).toBeUndefined();
    expect(seedError("-1")).toBeDefined();
    expect(seedError("x")).toBeDefined();
  });
});

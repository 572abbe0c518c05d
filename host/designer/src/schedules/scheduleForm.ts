import type { ParameterSpec, Schedule } from "../api/types";
import { parseInteger } from "../forms/parseValue";
import { changedParameterValues, parameterTextsOf, type ParameterTexts } from "../forms/parameterValues";

export type ScheduleAction = "start-run" | "continue-experiment";

/** The schedule editor's fields as typed; requestOf turns them into the body of PUT /api/schedules/{id}. */
export interface ScheduleForm {
  id: string;
  cron: string;
  timeZone: string;
  definitionId: string;
  /** "" for the latest published version at each tick. */
  version: string;
  parameters: ParameterTexts;
  seed: string;
  action: ScheduleAction;
  iterationParameter: string;
  misfire: string;
  overlap: string;
  paused: boolean;
}

export const newScheduleForm: ScheduleForm = {
  id: "",
  cron: "0 0 2 * * ?",
  timeZone: "UTC",
  definitionId: "",
  version: "",
  parameters: {},
  seed: "",
  action: "start-run",
  iterationParameter: "iterations",
  misfire: "fire-once-now",
  overlap: "skip",
  paused: false,
};

export function formOf(schedule: Schedule): ScheduleForm {
  return {
    id: schedule.id,
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    definitionId: schedule.definitionId,
    version: schedule.version === null ? "" : String(schedule.version),
    parameters: parameterTextsOf(schedule.parameters),
    seed: schedule.seed === null ? "" : String(schedule.seed),
    action: schedule.action === "continue-experiment" ? "continue-experiment" : "start-run",
    iterationParameter: schedule.iterationParameter,
    misfire: schedule.misfire,
    overlap: schedule.overlap,
    paused: schedule.paused,
  };
}

export function requestOf(form: ScheduleForm, specs: Record<string, ParameterSpec>) {
  return {
    cron: form.cron.trim(),
    timeZone: form.timeZone.trim() || undefined,
    definitionId: form.definitionId,
    version: form.version === "" ? undefined : Number(form.version),
    parameters: changedParameterValues(specs, form.parameters),
    seed: form.seed.trim() === "" ? undefined : parseInteger(form.seed),
    action: form.action,
    iterationParameter: form.action === "continue-experiment" ? form.iterationParameter : undefined,
    misfire: form.misfire,
    overlap: form.overlap,
    paused: form.paused,
  };
}

/** Why a new schedule's id would be refused (the server's rule), or undefined. */
export function scheduleIdError(id: string): string | undefined {
  if (id === "") return "give the schedule an id";
  return /^[a-z][a-z0-9-]{0,39}$/.test(id) ? undefined : "use 1 to 40 lower-case letters, digits and '-', starting with a letter";
}

/** Why a seed would be refused, or undefined (empty: each tick derives its own). */
export function seedError(seed: string): string | undefined {
  if (seed.trim() === "") return undefined;
  const value = parseInteger(seed);
  return value === undefined || value < 0 ? "a seed is a whole number, 0 or more" : undefined;
}

import cronstrue from "cronstrue";

/** A Quartz cron in words ("At 02:00"), or why it cannot be read. */
export function describeCron(cron: string): { description: string } | { error: string } {
  try {
    return { description: cronstrue.toString(cron, { use24HourTimeFormat: true }) };
  } catch (error) {
    // cronstrue throws plain strings.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

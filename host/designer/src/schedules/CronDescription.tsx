import { describeCron } from "./describeCron";

/** A cron in words, or a quiet note when cronstrue cannot read it (the server still decides what is valid). */
export function CronDescription({ cron }: { cron: string }) {
  const described = describeCron(cron);
  return "description" in described ? <span className="cron-description">{described.description}</span> : <span className="hint">{described.error}</span>;
}

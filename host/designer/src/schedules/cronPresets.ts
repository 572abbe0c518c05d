/** Common crons, in Quartz's format (seconds minutes hours day-of-month month day-of-week). */
export const cronPresets = [
  { label: "Nightly 02:00", cron: "0 0 2 * * ?" },
  { label: "Hourly", cron: "0 0 * * * ?" },
  { label: "Every 15 min", cron: "0 0/15 * * * ?" },
  { label: "Weekdays 06:00", cron: "0 0 6 ? * MON-FRI" },
];

import { useEffect, useState } from "react";
import { useSession } from "../session/session";

export interface CronPreview {
  nextFireTimes?: string[];
  error?: unknown;
}

const debounceMs = 300;

/** The server's next fire times for a cron and time zone, asked again 300 ms after the user stops typing. */
export function useCronPreview(cron: string, timeZone: string): CronPreview {
  const { client } = useSession();
  const [preview, setPreview] = useState<CronPreview>({});

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client.post<{ nextFireTimes: string[] }>("/api/schedules/preview", { cron, timeZone: timeZone.trim() || undefined }).then(
        (answer) => current && setPreview({ nextFireTimes: answer.nextFireTimes }),
        (error: unknown) => current && setPreview({ error }),
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, cron, timeZone]);

  return preview;
}

import { useEffect, useState } from "react";
import type { RunDetail, RunPage, RunSummary } from "../api/types";
import type { ApiClient } from "../api/client";
import { useSession } from "../session/session";
import type { SweepRun } from "./cells";

const parallelFetches = 4;

/**
 * The succeeded runs of a definition whose ids start with a prefix, with their parameters and iterations: every
 * page of the run list, then each run's detail a few at a time (reporting progress as they arrive).
 */
export function useSweepRuns(definition: string, prefix: string) {
  const { client } = useSession();
  const [runs, setRuns] = useState<SweepRun[]>([]);
  const [progress, setProgress] = useState<{ loaded: number; total: number }>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    setRuns([]);
    setProgress(undefined);
    setError(undefined);
    if (!definition) return;
    const abort = new AbortController();
    (async () => {
      const summaries = (await listSucceeded(client, definition, abort.signal)).filter((run) => run.id.startsWith(prefix));
      setProgress({ loaded: 0, total: summaries.length });
      const details: SweepRun[] = [];
      const queue = [...summaries];
      const worker = async () => {
        for (let next = queue.shift(); next && !abort.signal.aborted; next = queue.shift()) {
          const detail = await client.get<RunDetail>(`/api/runs/${encodeURIComponent(next.id)}`, abort.signal);
          details.push({ id: detail.id, seed: detail.seed, parameters: detail.parameters, iterations: detail.iterations });
          setProgress({ loaded: details.length, total: summaries.length });
        }
      };
      await Promise.all(Array.from({ length: parallelFetches }, worker));
      if (!abort.signal.aborted) setRuns(details);
    })().catch((caught: Error) => !abort.signal.aborted && setError(caught));
    return () => abort.abort();
  }, [client, definition, prefix]);

  return { runs, progress, error };
}

async function listSucceeded(client: ApiClient, definition: string, signal: AbortSignal): Promise<RunSummary[]> {
  const runs: RunSummary[] = [];
  for (let path: string | null = `/api/runs?definition=${encodeURIComponent(definition)}&status=succeeded&take=500`; path; ) {
    const page: RunPage = await client.get<RunPage>(path, signal);
    runs.push(...page.items);
    path = page.next;
  }
  return runs;
}

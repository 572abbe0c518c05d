import { useCallback, useEffect, useRef, useState } from "react";
import type { RunPage, RunSummary } from "../api/types";
import { useSession } from "../session/session";
import { isActive } from "./runTimes";

const pageSize = 50;
const refreshMs = 5000;

/**
 * The runs a filter selects, newest first, a page at a time. While any listed run is pending or running, the
 * listed rows are fetched again every few seconds so that their status stays current.
 */
export function useRunList(filter: string) {
  const { client } = useSession();
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const shown = useRef(pageSize);

  const load = useCallback(
    async (take: number, signal?: AbortSignal) => {
      const page = await client.get<RunPage>(`/api/runs?take=${Math.min(500, take)}${filter}`, signal);
      setRuns(page.items);
      setNext(page.next);
      setError(undefined);
      shown.current = Math.max(pageSize, page.items.length);
    },
    [client, filter],
  );

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    load(pageSize, abort.signal)
      .catch((caught: Error) => !abort.signal.aborted && setError(caught))
      .finally(() => !abort.signal.aborted && setLoading(false));
    return () => abort.abort();
  }, [load]);

  const anyActive = runs.some((run) => isActive(run.status));
  useEffect(() => {
    if (!anyActive) return;
    const timer = setInterval(() => load(shown.current).catch((caught: Error) => setError(caught)), refreshMs);
    return () => clearInterval(timer);
  }, [anyActive, load]);

  const loadMore = useCallback(async () => {
    if (!next) return;
    try {
      const page = await client.get<RunPage>(next);
      setRuns((known) => [...known, ...page.items.filter((run) => !known.some((k) => k.id === run.id))]);
      setNext(page.next);
      shown.current += page.items.length;
    } catch (caught) {
      setError(caught as Error);
    }
  }, [client, next]);

  return { runs, next, error, loading, loadMore };
}

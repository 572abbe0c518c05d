import { useCallback, useEffect, useRef, useState } from "react";
import type { JournalEntry, RunDetail } from "../api/types";
import { readEvents } from "../api/eventStream";
import { useSession } from "../session/session";
import { isActive } from "./runTimes";

/** Journal kinds after which the run's detail (statuses, outputs, iterations, artifacts) is worth fetching again. */
const changesDetail = (kind: string) => kind.startsWith("run.") || kind.startsWith("iteration.") || ["node.committed", "node.reused", "node.cancelled", "incident"].includes(kind);

const refetchEveryMs = 1000;
const flushEveryMs = 100;
/** How long after an action an ended stream is read again: a resumed run only changes status once a host takes it. */
const actionSettleMs = 15_000;
const rereadAfterMs = 1000;

/**
 * A run's detail and journal, followed live: the journal comes over the event stream (all of it, then new entries
 * until the run ends), and the detail is fetched again after the entries that change it, at most once a second.
 * follow() reads the stream again from the last entry seen, e.g. after the run was resumed; an ended stream is read
 * again while the run is still going on or an action may still change it.
 */
export function useRunFollow(id: string) {
  const { client } = useSession();
  const [run, setRun] = useState<RunDetail>();
  const [journal, setJournal] = useState<JournalEntry[]>([]);
  const [error, setError] = useState<Error>();
  const [following, setFollowing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const lastSequence = useRef(0);
  const settleUntil = useRef(0);
  const throttle = useRef<{ last: number; timer?: number }>({ last: 0 });

  const fetchRun = useCallback(() => {
    throttle.current.last = Date.now();
    client.get<RunDetail>(`/api/runs/${encodeURIComponent(id)}`).then(
      (detail) => {
        setRun(detail);
        setError(undefined);
      },
      (caught: Error) => setError(caught),
    );
  }, [client, id]);

  const refreshSoon = useCallback(() => {
    const t = throttle.current;
    if (t.timer !== undefined) return;
    t.timer = window.setTimeout(() => {
      t.timer = undefined;
      fetchRun();
    }, Math.max(0, t.last + refetchEveryMs - Date.now()));
  }, [fetchRun]);

  useEffect(() => {
    lastSequence.current = 0;
    setJournal([]);
    setRun(undefined);
    fetchRun();
    const t = throttle.current;
    return () => {
      window.clearTimeout(t.timer);
      t.timer = undefined;
    };
  }, [fetchRun]);

  useEffect(() => {
    const abort = new AbortController();
    let buffer: JournalEntry[] = [];
    let flushTimer: number | undefined;
    let rereadTimer: number | undefined;
    const flush = () => {
      flushTimer = undefined;
      const arrived = buffer;
      buffer = [];
      setJournal((known) => [...known, ...arrived]);
    };
    const onEvent = (event: { event: string; data: string }) => {
      if (event.event === "end") return; // the detail is fetched once the stream closes
      const entry = JSON.parse(event.data) as JournalEntry;
      if (entry.sequence <= lastSequence.current) return;
      lastSequence.current = entry.sequence;
      buffer.push(entry);
      flushTimer ??= window.setTimeout(flush, flushEveryMs);
      if (changesDetail(entry.kind)) refreshSoon();
    };
    const followStream = async () => {
      setFollowing(true);
      await readEvents(client, `/api/runs/${encodeURIComponent(id)}/events?after=${lastSequence.current}`, onEvent, abort.signal);
      if (abort.signal.aborted) return;
      window.clearTimeout(flushTimer);
      flush();
      setFollowing(false);
      const detail = await client.get<RunDetail>(`/api/runs/${encodeURIComponent(id)}`, abort.signal);
      setRun(detail);
      if (isActive(detail.status) || Date.now() < settleUntil.current) rereadTimer = window.setTimeout(() => setGeneration((g) => g + 1), rereadAfterMs);
    };
    followStream().catch((caught: Error) => {
      if (abort.signal.aborted) return;
      setError(caught);
      setFollowing(false);
    });
    return () => {
      abort.abort();
      window.clearTimeout(flushTimer);
      window.clearTimeout(rereadTimer);
      if (buffer.length) flush();
    };
  }, [client, id, generation, refreshSoon]);

  const follow = useCallback(() => {
    settleUntil.current = Date.now() + actionSettleMs;
    fetchRun();
    setGeneration((g) => g + 1);
  }, [fetchRun]);

  return { run, journal, error, following, refresh: fetchRun, follow };
}

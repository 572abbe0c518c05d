import { useCallback, useEffect, useState } from "react";
import { useSession } from "../session/session";
import type { ApiClient } from "../api/client";

/** Loads something from the API when its key changes; reload() fetches it again. */
export function useApi<T>(load: (client: ApiClient, signal: AbortSignal) => Promise<T>, key: string) {
  const { client } = useSession();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    load(client, abort.signal).then(
      (value) => {
        if (!abort.signal.aborted) {
          setData(value);
          setError(undefined);
        }
      },
      (caught: Error) => {
        if (!abort.signal.aborted) setError(caught);
      },
    );
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names what is loaded
  }, [client, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload, setData };
}

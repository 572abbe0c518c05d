import { useApi } from "../ui/useApi";
import { ErrorBanner } from "../ui/ErrorBanner";

/** A node's journal lines as plain text, fetched again when its status changes. */
export function NodeLog({ runId, path, status }: { runId: string; path: string; status: string }) {
  const { data, error } = useApi(
    async (client, signal) => (await client.open(`/api/runs/${encodeURIComponent(runId)}/logs?node=${encodeURIComponent(path)}`, {}, signal)).text(),
    `${runId}|${path}|${status}`,
  );
  if (error) return <ErrorBanner error={error} />;
  return <pre className="node-log">{data === undefined ? "…" : data || "(no lines)"}</pre>;
}

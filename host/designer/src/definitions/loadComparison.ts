import type { ApiClient } from "../api/client";
import type { DefinitionDocument, DiffResponse, DraftResponse, VersionResponse } from "../api/types";

/** What the diff page shows: the server's list of changes and the two documents themselves. */
export interface Comparison {
  changes: DiffResponse["changes"];
  before: DefinitionDocument;
  after: DefinitionDocument;
}

export async function loadComparison(client: ApiClient, id: string, from: number, to: number | "draft", signal: AbortSignal): Promise<Comparison> {
  const base = `/api/definitions/${encodeURIComponent(id)}`;
  const [diff, before, after] = await Promise.all([
    client.get<DiffResponse>(`${base}/diff?from=${from}&to=${to}`, signal),
    client.get<VersionResponse>(`${base}/versions/${from}`, signal),
    to === "draft" ? client.get<DraftResponse>(`${base}/draft`, signal) : client.get<VersionResponse>(`${base}/versions/${to}`, signal),
  ]);
  return { changes: diff.changes, before: before.definition, after: after.definition };
}

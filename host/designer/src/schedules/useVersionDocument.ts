import type { VersionResponse } from "../api/types";
import { useApi } from "../ui/useApi";

/** One published version of a definition with its document, or nothing while none is chosen. */
export function useVersionDocument(definitionId: string, version: number | undefined) {
  return useApi(
    (client, signal) =>
      definitionId && version !== undefined
        ? client.get<VersionResponse>(`/api/definitions/${encodeURIComponent(definitionId)}/versions/${version}`, signal)
        : Promise.resolve(undefined),
    `${definitionId}@${version}`,
  );
}

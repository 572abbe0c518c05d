import { ReactFlowProvider } from "@xyflow/react";
import type { ActivityDescriptor, DraftResponse } from "../api/types";
import { ErrorBanner } from "../ui/ErrorBanner";
import { useApi } from "../ui/useApi";
import { DesignerEditor } from "./DesignerEditor";

/** /definitions/:id: loads the definition's draft (or latest version) and the activities, then opens the editor. */
export function DesignerPage({ id }: { id: string }) {
  const { data, error } = useApi(
    async (client, signal) => {
      const [draft, activities] = await Promise.all([
        client.get<DraftResponse>(`/api/definitions/${encodeURIComponent(id)}/draft`, signal),
        client.get<ActivityDescriptor[]>("/api/activities", signal),
      ]);
      return { draft, activities };
    },
    id,
  );
  if (error) return <ErrorBanner error={error} />;
  if (!data) return <p className="hint">Loading {id}…</p>;
  return (
    <ReactFlowProvider>
      <DesignerEditor key={id} draft={data.draft} activities={data.activities} />
    </ReactFlowProvider>
  );
}

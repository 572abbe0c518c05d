import { ReactFlowProvider } from "@xyflow/react";
import type { ActivityDescriptor, DraftResponse } from "../api/types";
import { ErrorBanner } from "../ui/ErrorBanner";
import { useApi } from "../ui/useApi";
import { DesignerEditor } from "./DesignerEditor";
import { loadLayout } from "./sharedLayout";

/** /definitions/:id: loads the definition's draft (or latest version), its layout and the activities, then opens the editor. */
export function DesignerPage({ id }: { id: string }) {
  const { data, error } = useApi(
    async (client, signal) => {
      const [draft, layout, activities] = await Promise.all([
        client.get<DraftResponse>(`/api/definitions/${encodeURIComponent(id)}/draft`, signal),
        loadLayout(client, id, signal),
        client.get<ActivityDescriptor[]>("/api/activities", signal),
      ]);
      return { draft, layout, activities };
    },
    id,
  );
  if (error) return <ErrorBanner error={error} />;
  if (!data) return <p className="hint">Loading {id}…</p>;
  return (
    <ReactFlowProvider>
      <DesignerEditor key={id} draft={data.draft} layout={data.layout} activities={data.activities} />
    </ReactFlowProvider>
  );
}

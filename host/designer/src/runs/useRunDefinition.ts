import type { ActivityDescriptor, RunDetail, VersionResponse } from "../api/types";
import { useApi } from "../ui/useApi";

/** The definition version a run executes and the activity descriptors, for drawing and explaining its nodes. */
export function useRunDefinition(run: RunDetail | undefined) {
  const definition = run?.definition;
  const version = useApi(
    (client, signal) =>
      definition ? client.get<VersionResponse>(`/api/definitions/${encodeURIComponent(definition.id)}/versions/${definition.version}`, signal) : Promise.resolve(undefined),
    definition ? `${definition.id}@${definition.version}` : "",
  );
  const activities = useApi(async (client, signal) => {
    const list = await client.get<ActivityDescriptor[]>("/api/activities", signal);
    return new Map(list.map((a) => [a.name, a]));
  }, "activities");
  return { doc: version.data?.definition, activities: activities.data, error: version.error ?? activities.error };
}

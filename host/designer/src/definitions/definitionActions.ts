import type { ApiClient } from "../api/client";
import type { DefinitionDocument, DraftResponse } from "../api/types";

// Creating definitions from the list page: new, duplicated and imported ones all become drafts.

/** Creates a definition whose draft is an empty canvas (a draft need not be valid; publishing needs it to be). */
export async function createDefinition(client: ApiClient, id: string, name: string): Promise<void> {
  const document: DefinitionDocument = { id, version: 1, name, nodes: [] };
  await client.post("/api/definitions", document);
}

/** Creates a definition from another one's draft (or latest version), renamed and numbered from 1 again. */
export async function duplicateDefinition(client: ApiClient, sourceId: string, id: string, name: string): Promise<void> {
  const source = await client.get<DraftResponse>(`/api/definitions/${encodeURIComponent(sourceId)}/draft`);
  await client.post("/api/definitions", { ...source.definition, id, name, version: 1 });
}

/** Imports an exported document as its id's draft; returns that id. */
export async function importDefinition(client: ApiClient, text: string): Promise<string> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`the file is not JSON: ${(error as Error).message}`);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) throw new Error("the file is JSON but not a definition document (an object)");
  const draft = await client.post<DraftResponse>("/api/definitions/import", document);
  return draft.id;
}

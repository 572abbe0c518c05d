import { ApiError } from "../api/ApiError";

/** The server's message under the input it names (ApiError.field), if it names this one. */
export function ServerFieldError({ error, field }: { error: unknown; field: string }) {
  if (!(error instanceof ApiError) || error.field !== field) return null;
  return <div className="field-error">{error.message}</div>;
}

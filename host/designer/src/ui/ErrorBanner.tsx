import { ApiError } from "../api/ApiError";

/** A refused or failed call in the server's words, with the field it concerns. */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const field = error instanceof ApiError && error.field ? ` (${error.field})` : "";
  return (
    <div className="error-banner" role="alert">
      <span>
        {message}
        {field}
      </span>
      {onDismiss && (
        <button className="link" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}

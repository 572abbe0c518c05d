/** A refused or failed API call, with the server's problem details (RFC 9457) when it sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The request field the problem concerns, when the server named one. */
    readonly field?: string,
    /** Validation errors by JSON pointer, when the server listed them. */
    readonly errors?: { pointer: string; reason: string }[],
  ) {
    super(message);
  }
}

import { ApiError } from "./ApiError";

/** Problem details as the server sends them (RFC 9457, plus the field and validation errors). */
interface Problem {
  title?: string;
  detail?: string;
  field?: string;
  errors?: { pointer: string; reason: string }[];
}

/**
 * Calls the PrefFlow API with an API key. Every method throws ApiError with the server's own words when a call
 * is refused, so pages can show them as they are.
 */
export class ApiClient {
  constructor(
    private readonly key: string,
    private readonly base = "",
  ) {}

  get headers(): Record<string, string> {
    return { "X-Api-Key": this.key };
  }

  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.send<T>("GET", path, undefined, signal);
  }

  async post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("POST", path, body);
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>("PUT", path, body);
  }

  async delete(path: string): Promise<void> {
    await this.send<void>("DELETE", path);
  }

  /** Fetches a file with the key and hands it to the browser as a download. */
  async download(path: string, fileName: string): Promise<void> {
    const response = await fetch(this.base + path, { headers: this.headers });
    if (!response.ok) throw await ApiClient.errorOf(response);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** The raw response of a GET (for streams); throws ApiError when it is refused. */
  async open(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const response = await fetch(this.base + path, { headers: { ...this.headers, ...headers }, signal });
    if (!response.ok) throw await ApiClient.errorOf(response);
    return response;
  }

  private async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { ...this.headers };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw new ApiError(0, "the PrefFlow server did not answer: is it running?");
    }
    if (!response.ok) throw await ApiClient.errorOf(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  static async errorOf(response: Response): Promise<ApiError> {
    let problem: Problem = {};
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // Not problem details: the status says enough.
    }
    const message = problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`;
    return new ApiError(response.status, message, problem.field, problem.errors);
  }
}

import type { ApiClient } from "./client";

/** One server-sent event: its id (the journal sequence), its type and its JSON data. */
export interface ServerEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Reads a server-sent event stream with the API key in a header (EventSource cannot send one), and reconnects
 * with Last-Event-ID until the server ends the stream or the signal aborts. Resolves when the stream is over.
 */
export async function readEvents(client: ApiClient, path: string, onEvent: (event: ServerEvent) => void, signal: AbortSignal): Promise<void> {
  let lastId: string | undefined;
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const response = await client.open(path, lastId ? { "Last-Event-ID": lastId } : {}, signal);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event) {
            if (event.id) lastId = event.id;
            onEvent(event);
          }
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
    }
  }
}

export function parseEvent(block: string): ServerEvent | undefined {
  let id: string | undefined;
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "id") id = value;
    else if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length ? { id, event, data: data.join("\n") } : undefined;
}

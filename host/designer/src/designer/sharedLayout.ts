import { useEffect, useRef } from "react";
import type { ApiClient } from "../api/client";
import type { Position } from "./model/geometry";

// Node positions are the designer's, not the definition's (moving a node must not make a new version): the server
// keeps them per definition, so every browser shows the same layout.

export type Positions = Record<string, Position>;

/** GET/PUT /api/definitions/{id}/layout. */
export interface LayoutResponse {
  id: string;
  updatedAt: string | null;
  positions: Positions;
}

const layoutPath = (definition: string) => `/api/definitions/${encodeURIComponent(definition)}/layout`;

// Where earlier versions of the designer kept positions, in the browser: read once, moved to the server.
const browserKey = (definition: string) => `prefflow.layout.${definition}`;

function browserPositions(definition: string): Positions | undefined {
  try {
    const text = localStorage.getItem(browserKey(definition));
    return text ? (JSON.parse(text) as Positions) : undefined;
  } catch {
    return undefined;
  }
}

function forgetBrowserPositions(definition: string) {
  try {
    localStorage.removeItem(browserKey(definition));
  } catch {
    // Storage that cannot be written keeps a copy the server already has.
  }
}

/** The definition's stored layout; when the server has none, one this browser kept from before (saved on the first save). */
export async function loadLayout(client: ApiClient, definition: string, signal?: AbortSignal): Promise<LayoutResponse> {
  const stored = await client.get<LayoutResponse>(layoutPath(definition), signal);
  if (stored.updatedAt !== null) return stored;
  return { ...stored, positions: browserPositions(definition) ?? stored.positions };
}

/**
 * Saves the positions to the server a moment after they stop changing (a drag makes one save, not one per frame),
 * and any change still waiting when the designer closes. `onError` hears why a save failed.
 */
export function useLayoutSaving(client: ApiClient, definition: string, positions: Positions, stored: Positions, enabled: boolean, onError: (error: unknown) => void) {
  const saved = useRef(JSON.stringify(stored));
  const pending = useRef<Positions | undefined>(undefined);
  const errors = useRef(onError);
  errors.current = onError;

  const save = useRef((next: Positions) => {
    const text = JSON.stringify(next);
    if (text === saved.current) return;
    saved.current = text;
    client.put<LayoutResponse>(layoutPath(definition), { positions: next }).then(
      () => forgetBrowserPositions(definition),
      (caught: unknown) => {
        saved.current = "";
        errors.current(caught);
      },
    );
  });

  useEffect(() => {
    if (!enabled) return;
    pending.current = positions;
    const timer = setTimeout(() => {
      pending.current = undefined;
      save.current(positions);
    }, 500);
    return () => clearTimeout(timer);
  }, [enabled, positions]);

  // Closing the designer (or opening another definition) saves what a pending timer would have.
  useEffect(
    () => () => {
      if (pending.current) save.current(pending.current);
    },
    [],
  );
}

import type { Position } from "./model/geometry";

// Node positions are the designer's, not the definition's: they are kept in this browser, per definition.
const key = (definition: string) => `prefflow.layout.${definition}`;

export function loadPositions(definition: string): Record<string, Position> | undefined {
  try {
    const text = localStorage.getItem(key(definition));
    return text ? (JSON.parse(text) as Record<string, Position>) : undefined;
  } catch {
    return undefined;
  }
}

export function savePositions(definition: string, positions: Record<string, Position>) {
  try {
    localStorage.setItem(key(definition), JSON.stringify(positions));
  } catch {
    // A full storage only costs the layout.
  }
}

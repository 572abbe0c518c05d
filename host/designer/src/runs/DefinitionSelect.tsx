import type { DefinitionSummary } from "../api/types";
import { useApi } from "../ui/useApi";

/** A select of the published definitions; "" stands for any (or none chosen, with the placeholder). */
export function DefinitionSelect({ value, onChange, placeholder }: { value: string; onChange: (id: string) => void; placeholder: string }) {
  const { data } = useApi((client, signal) => client.get<DefinitionSummary[]>("/api/definitions", signal), "definitions");
  const published = (data ?? []).filter((d) => d.latestVersion !== null);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="Definition">
      <option value="">{placeholder}</option>
      {published.map((d) => (
        <option key={d.id} value={d.id}>
          {d.id}
          {d.name ? ` — ${d.name}` : ""}
        </option>
      ))}
      {value && !published.some((d) => d.id === value) && <option value={value}>{value}</option>}
    </select>
  );
}

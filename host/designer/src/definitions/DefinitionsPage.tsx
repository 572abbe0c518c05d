import { Fragment, useState } from "react";
import type { DefinitionSummary } from "../api/types";
import { useSession } from "../session/session";
import { Link, navigate } from "../router/router";
import { useApi } from "../ui/useApi";
import { ErrorBanner } from "../ui/ErrorBanner";
import { DefinitionForm } from "./DefinitionForm";
import { ImportDefinitionButton } from "./ImportDefinitionButton";
import { VersionsPanel } from "./VersionsPanel";
import { createDefinition, duplicateDefinition, importDefinition } from "./definitionActions";

type Creating = { kind: "new" } | { kind: "duplicate"; source: DefinitionSummary };

const readOnlyReason = "Your key's role may not edit definitions";

/** Every definition: search, versions with export and compare, and new, duplicate and import for editors. */
export function DefinitionsPage() {
  const { client, me } = useSession();
  const { data: definitions, error: loadError } = useApi((c, signal) => c.get<DefinitionSummary[]>("/api/definitions", signal), "definitions");
  const [search, setSearch] = useState("");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState<Creating>();
  const [error, setError] = useState<unknown>();
  const mayEdit = me.may.editDefinitions;

  const openDesigner = (id: string) => navigate(`/definitions/${encodeURIComponent(id)}`);
  const attempt = async (action: () => Promise<string>) => {
    try {
      setError(undefined);
      openDesigner(await action());
    } catch (caught) {
      setError(caught);
    }
  };
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const needle = search.trim().toLowerCase();
  const shown = definitions?.filter((d) => !needle || d.id.toLowerCase().includes(needle) || (d.name ?? "").toLowerCase().includes(needle));

  return (
    <div className="definitions-page">
      <h1>Definitions</h1>
      <div className="toolbar">
        <input type="search" placeholder="Search by id or name" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search definitions" />
        <span className="spacer" />
        <button className="primary" onClick={() => setCreating({ kind: "new" })} disabled={!mayEdit} title={mayEdit ? undefined : readOnlyReason}>
          New
        </button>
        <ImportDefinitionButton disabled={!mayEdit} title={mayEdit ? undefined : readOnlyReason} onFile={(text) => attempt(() => importDefinition(client, text))} />
      </div>
      <ErrorBanner error={loadError ?? error} onDismiss={error ? () => setError(undefined) : undefined} />
      {creating?.kind === "new" && (
        <DefinitionForm
          title="New definition"
          submitLabel="Create"
          onCancel={() => setCreating(undefined)}
          onSubmit={(id, name) => attempt(() => createDefinition(client, id, name).then(() => id))}
        />
      )}
      {creating?.kind === "duplicate" && (
        <DefinitionForm
          title={`Duplicate ${creating.source.id}`}
          initialName={`Copy of ${creating.source.name ?? creating.source.id}`}
          submitLabel="Duplicate"
          onCancel={() => setCreating(undefined)}
          onSubmit={(id, name) => attempt(() => duplicateDefinition(client, creating.source.id, id, name).then(() => id))}
        />
      )}
      {shown && shown.length === 0 && <p className="empty">{definitions?.length ? "No definition matches the search." : "No definitions yet."}</p>}
      {shown && shown.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Id</th>
              <th>Name</th>
              <th>Latest version</th>
              <th className="num">Versions</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <Fragment key={d.id}>
                <tr className={expanded.has(d.id) ? "selected" : undefined}>
                  <td>
                    <Link to={`/definitions/${encodeURIComponent(d.id)}`}>{d.id}</Link> {d.hasDraft && <span className="badge draft-badge">draft</span>}
                  </td>
                  <td>{d.name ?? <span className="muted">(draft only)</span>}</td>
                  <td>{d.latestVersion === null ? <span className="muted">never published</span> : `v${d.latestVersion}`}</td>
                  <td className="num">{d.versions}</td>
                  <td className="actions">
                    <button className="small" onClick={() => toggle(d.id)} aria-expanded={expanded.has(d.id)}>
                      {expanded.has(d.id) ? "Hide versions" : "Versions"}
                    </button>
                    <button className="small" onClick={() => setCreating({ kind: "duplicate", source: d })} disabled={!mayEdit} title={mayEdit ? undefined : readOnlyReason}>
                      Duplicate
                    </button>
                  </td>
                </tr>
                {expanded.has(d.id) && (
                  <tr className="expansion">
                    <td colSpan={5}>
                      <VersionsPanel id={d.id} hasDraft={d.hasDraft} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

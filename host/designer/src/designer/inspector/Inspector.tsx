import type { ActivityDescriptor, DefinitionDocument, NodeSpec, ValidationError } from "../../api/types";
import type { Candidate } from "../model/candidates";
import { renameProblem } from "../model/edit";
import { findNode, idOf } from "../model/paths";
import { carriedType } from "../model/valueTypes";
import { ActivityInspector } from "./ActivityInspector";
import { BudgetEditor } from "./BudgetEditor";
import { CarriedVariables } from "./CarriedVariables";
import { NodeIdField } from "./NodeIdField";
import { ParametersEditor } from "./ParametersEditor";

export interface InspectorProps {
  doc: DefinitionDocument;
  selection: string[];
  activities: Map<string, ActivityDescriptor>;
  errors: Map<string, ValidationError[]>;
  readOnly: boolean;
  onDocChange: (change: (doc: DefinitionDocument) => void) => void;
  onNodeChange: (path: string, change: (node: NodeSpec) => void) => void;
  onRename: (path: string, id: string) => void;
  onBind: (path: string, input: string, candidate: Candidate) => void;
  onSelect: (path: string) => void;
}

/** The right-hand panel: the selected node's form, or the definition's own fields and every error when none is. */
export function Inspector(props: InspectorProps) {
  const { doc, selection, errors, readOnly } = props;
  const path = selection.length === 1 ? selection[0] : undefined;
  const node = path ? findNode(doc, path) : undefined;
  if (selection.length > 1) {
    return (
      <aside className="inspector">
        <h2>{selection.length} nodes selected</h2>
        <p className="hint">Delete removes them; Ctrl+C / Ctrl+V copies them; drag one to move them all.</p>
      </aside>
    );
  }
  if (!path || !node) return <DefinitionFields {...props} />;
  const nodeErrors = errors.get(path) ?? [];
  return (
    <aside className="inspector" data-testid="inspector">
      <h2>
        {node.loop ? "Loop" : node.activity} <span className="hint">{path}</span>
      </h2>
      <NodeIdField id={idOf(path)} problem={(id) => renameProblem(doc, path, id)} readOnly={readOnly} onRename={(id) => props.onRename(path, id)} />
      <label>
        Description
        <input defaultValue={node.description ?? ""} key={`${path}-description`} disabled={readOnly} onBlur={(e) => props.onNodeChange(path, (n) => (e.target.value ? (n.description = e.target.value) : delete n.description))} />
      </label>
      {node.loop ? (
        <>
          {nodeErrors.map((e) => (
            <p key={e.pointer + e.reason} className="field-error">
              {e.reason}
            </p>
          ))}
          <h3>Iterations</h3>
          <BudgetEditor schedule={node.loop.schedule} parameters={doc.parameters} readOnly={readOnly} onChange={(schedule) => props.onNodeChange(path, (n) => (n.loop!.schedule = schedule))} />
          <h3>Carried variables</h3>
          <CarriedVariables
            loop={node.loop}
            typeOf={(variable) => carriedType(doc, path, variable, props.activities)}
            readOnly={readOnly}
            onChange={(change) => props.onNodeChange(path, (n) => change(n.loop!))}
          />
        </>
      ) : (
        <ActivityInspector
          doc={doc}
          path={path}
          activities={props.activities}
          errors={nodeErrors}
          readOnly={readOnly}
          onNodeChange={(change) => props.onNodeChange(path, change)}
          onBind={(input, candidate) => props.onBind(path, input, candidate)}
        />
      )}
    </aside>
  );
}

function DefinitionFields({ doc, errors, readOnly, onDocChange, onSelect }: InspectorProps) {
  const all = [...errors.entries()].flatMap(([path, list]) => list.map((e) => ({ path, ...e })));
  return (
    <aside className="inspector" data-testid="inspector">
      <h2>Definition</h2>
      <label>
        Id
        <input value={doc.id} disabled />
      </label>
      <label>
        Name
        <input defaultValue={doc.name} key={`name-${doc.name}`} disabled={readOnly} onBlur={(e) => onDocChange((d) => (d.name = e.target.value))} data-testid="definition-name" />
      </label>
      <label>
        Description
        <textarea defaultValue={doc.description ?? ""} key={`description-${doc.description}`} disabled={readOnly} rows={3} onBlur={(e) => onDocChange((d) => (e.target.value ? (d.description = e.target.value) : delete d.description))} />
      </label>
      <h3>Problems ({all.length})</h3>
      {all.length === 0 ? (
        <p className="hint">The definition is valid.</p>
      ) : (
        <ul className="problems" data-testid="problems">
          {all.map((e) => (
            <li key={e.pointer + e.reason}>
              {e.path ? (
                <button className="link" onClick={() => onSelect(e.path)}>
                  {e.path}
                </button>
              ) : (
                <code>{e.pointer || "/"}</code>
              )}{" "}
              {e.reason}
            </li>
          ))}
        </ul>
      )}
      <h3>Parameters</h3>
      <ParametersEditor parameters={doc.parameters ?? {}} readOnly={readOnly} onChange={(parameters) => onDocChange((d) => (d.parameters = parameters))} />
    </aside>
  );
}

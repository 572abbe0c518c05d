import type { ActivityDescriptor, DefinitionDocument, NodeSpec, ValidationError } from "../../api/types";
import type { Candidate } from "../model/candidates";
import { candidates } from "../model/candidates";
import { findNode } from "../model/paths";
import { InputField } from "./InputField";
import { inputErrors, otherErrors } from "./inputErrors";
import { RetryFields } from "./RetryFields";

/** The form of one activity node, generated from its activity's descriptor. */
export function ActivityInspector({
  doc,
  path,
  activities,
  errors,
  readOnly,
  onNodeChange,
  onBind,
}: {
  doc: DefinitionDocument;
  path: string;
  activities: Map<string, ActivityDescriptor>;
  errors: ValidationError[];
  readOnly: boolean;
  onNodeChange: (change: (node: NodeSpec) => void) => void;
  onBind: (input: string, candidate: Candidate) => void;
}) {
  const node = findNode(doc, path)!;
  const descriptor = activities.get(node.activity ?? "");
  if (!descriptor) return <p className="field-error">Unknown activity '{node.activity}': pick one of the toolbox's.</p>;
  const inputs = node.inputs ?? {};
  const onUpdate = (change: (inputs: Record<string, unknown>) => void) =>
    onNodeChange((n) => {
      n.inputs = { ...n.inputs };
      change(n.inputs);
    });
  const unknownInputs = Object.keys(inputs).filter((name) => !descriptor.inputs.some((p) => p.name === name));
  return (
    <>
      <p className="hint">{descriptor.description}</p>
      {otherErrors(errors, descriptor.inputs.map((p) => p.name)).map((reason) => (
        <p key={reason} className="field-error">
          {reason}
        </p>
      ))}
      <h3>Inputs</h3>
      {descriptor.inputs.map((port) => (
        <InputField
          key={port.name}
          port={port}
          value={inputs[port.name]}
          candidates={candidates(doc, path, port.type, activities)}
          readOnly={readOnly}
          errors={inputErrors(errors, port.name)}
          onLiteral={(value) => onUpdate((i) => (i[port.name] = value))}
          onClear={() => onUpdate((i) => delete i[port.name])}
          onBind={(candidate) => onBind(port.name, candidate)}
        />
      ))}
      {unknownInputs.map((name) => (
        <p key={name} className="field-error">
          '{name}' is not an input of {descriptor.name}.{" "}
          {!readOnly && (
            <button className="link small" onClick={() => onUpdate((i) => delete i[name])}>
              Remove it
            </button>
          )}
        </p>
      ))}
      <h3>Outputs</h3>
      <ul className="outputs">
        {descriptor.outputs.map((o) => (
          <li key={o.name}>
            <strong>{o.name}</strong> <span className="hint">{o.type}{o.metric ? ", metric" : ""}</span>
            {o.description && <div className="hint">{o.description}</div>}
          </li>
        ))}
      </ul>
      <RetryFields retry={node.retry} readOnly={readOnly} onChange={(retry) => onNodeChange((n) => (retry ? (n.retry = retry) : delete n.retry))} />
    </>
  );
}

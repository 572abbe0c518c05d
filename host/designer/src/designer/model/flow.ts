import type { ActivityDescriptor, DefinitionDocument, NodeSpec, PortDescriptor } from "../../api/types";
import { parseBinding } from "./bindings";
import type { EdgeMeaning } from "./edit";
import { allNodes, encloses, join, representativeIn, resolveNode, scopeOf } from "./paths";
import { carriedType } from "./valueTypes";

// The canvas's view of a definition: one box per node (loops are containers holding their body), one drawn edge per
// binding that reads another node's output or a loop's previous value, and one per ordering edge that no binding
// explains. Everything here is derived from the document; the canvas keeps nothing else but positions.

export interface Port {
  name: string;
  type: string;
  description?: string;
}

export interface NodeView {
  path: string;
  spec: NodeSpec;
  /** The activity's descriptor; undefined for loops and for unknown activities. */
  descriptor?: ActivityDescriptor;
  /** The inputs drawn as handles: artifact inputs, inputs bound to other nodes, and required ones. */
  inputs: Port[];
  /** The other inputs: they get a handle while a connection of a type they take is being drawn. */
  bindable: Port[];
  /** A loop's are its carried variables, typed as the values they take (see carriedType); in the order of carry. */
  outputs: Port[];
}

export interface EdgeView {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
  meaning: EdgeMeaning;
  label?: string;
}

export interface FlowView {
  nodes: NodeView[];
  edges: EdgeView[];
}

export function toFlow(doc: DefinitionDocument, activities: Map<string, ActivityDescriptor>): FlowView {
  const nodes: NodeView[] = [];
  const edges: EdgeView[] = [];
  const explained = new Set<string>(); // "scope|from|to" pairs an edge of a binding already draws

  const drawOutput = (reader: string, value: unknown, targetHandle: string, meaning: EdgeMeaning) => {
    const binding = parseBinding(value);
    if (binding?.kind === "output") {
      const source = resolveNode(doc, scopeOf(reader), binding.node);
      if (!source) return;
      edges.push({ id: `${meaning.kind}:${reader}:${targetHandle}`, source, sourceHandle: `out:${binding.output}`, target: reader, targetHandle, meaning });
      explained.add(`${scopeOf(source)}|${source}|${representativeIn(scopeOf(source), reader)}`);
    } else if (binding?.kind === "previous" && meaning.kind === "input") {
      const loop = scopeOf(reader);
      edges.push({ id: `input:${reader}:${targetHandle}`, source: loop, sourceHandle: `previous:${binding.variable}`, target: reader, targetHandle, meaning });
    }
  };

  for (const { path, node } of allNodes(doc)) {
    if (node.loop) {
      const carried = Object.keys(node.loop.carry ?? {});
      nodes.push({ path, spec: node, inputs: [], bindable: [], outputs: carried.map((name) => ({ name, type: carriedType(doc, path, name, activities) })) });
      for (const variable of carried) {
        drawOutput(path, node.loop.carry![variable], `carry:${variable}`, { kind: "carry", target: path, variable });
      }
      for (const [variable, value] of Object.entries(node.loop.next ?? {})) {
        const binding = parseBinding(value);
        const source = binding?.kind === "output" ? resolveNode(doc, path, binding.node) : undefined;
        if (binding?.kind === "output" && source && encloses(path, source)) {
          edges.push({ id: `next:${path}:${variable}`, source, sourceHandle: `out:${binding.output}`, target: path, targetHandle: `next:${variable}`, meaning: { kind: "next", target: path, variable } });
        }
      }
      continue;
    }
    const descriptor = node.activity ? activities.get(node.activity) : undefined;
    const inputs: Port[] = descriptor
      ? descriptor.inputs.filter((p) => shownInput(p, node)).map(port)
      : Object.keys(node.inputs ?? {}).map((name) => ({ name, type: "any" }));
    nodes.push({
      path,
      spec: node,
      descriptor,
      inputs,
      bindable: (descriptor?.inputs ?? []).filter((p) => !shownInput(p, node)).map(port),
      outputs: (descriptor?.outputs ?? []).map(port),
    });
    for (const [input, value] of Object.entries(node.inputs ?? {})) {
      drawOutput(path, value, `in:${input}`, { kind: "input", target: path, input });
    }
  }

  // Ordering edges that no binding explains are drawn between the nodes' order handles.
  const visit = (scope: string, chart: { edges?: { from: string; to: string }[] }) => {
    for (const e of chart.edges ?? []) {
      const from = join(scope, e.from);
      const to = join(scope, e.to);
      if (explained.has(`${scope}|${from}|${to}`)) continue;
      edges.push({ id: `order:${scope}:${e.from}:${e.to}`, source: from, sourceHandle: "order:after", target: to, targetHandle: "order:before", meaning: { kind: "order", scope, from: e.from, to: e.to } });
    }
  };
  visit("", doc);
  for (const { path, node } of allNodes(doc)) if (node.loop) visit(path, node.loop);
  return { nodes, edges };
}

function shownInput(port: PortDescriptor, node: NodeSpec): boolean {
  if (port.type === "artifact" || port.required) return true;
  const binding = parseBinding(node.inputs?.[port.name]);
  return binding?.kind === "output" || binding?.kind === "previous";
}

function port(descriptor: PortDescriptor): Port {
  return { name: descriptor.name, type: descriptor.type, description: descriptor.description };
}

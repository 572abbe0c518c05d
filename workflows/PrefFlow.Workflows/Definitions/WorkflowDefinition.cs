namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// A workflow definition, read from JSON by <see cref="DefinitionReader"/> and checked by
/// <see cref="DefinitionValidator"/>. The JSON form (published as workflow-definition.schema.json):
/// <code>
/// {
///   "$schema": "...",                       // optional
///   "id": "always-smallest",                // ^[a-z][a-z0-9-]{0,63}$
///   "version": 1,                           // whole number &gt;= 1; a published version never changes
///   "name": "Always smallest",              // not empty
///   "description": "...",                   // optional
///   "parameters": { "seed": { "type": "integer", "default": 1, "minimum": 0 } },
///   "nodes": [ { "id": "pretrain", "activity": "pretrain", "inputs": { "steps": 600 } },
///              { "id": "iterations", "loop": { "schedule": ..., "carry": {...}, "nodes": [...], "edges": [...], "next": {...} } } ],
///   "edges": [ { "from": "pretrain", "to": "iterations" } ]
/// }
/// </code>
/// Nothing in a definition is code: bindings are references and whitelisted operators only.
/// </summary>
/// <param name="Id">The workflow's id: <c>^[a-z][a-z0-9-]{0,63}$</c>.</param>
/// <param name="Version">The version, at least 1; with <paramref name="Id"/> it names one immutable published definition.</param>
/// <param name="Name">A human-readable name; not empty.</param>
/// <param name="Description">What the workflow does; null for none.</param>
/// <param name="Parameters">The parameters, in document order; names unique.</param>
/// <param name="Nodes">The top-level flowchart's nodes.</param>
/// <param name="Edges">The top-level flowchart's edges.</param>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string Name,
    string? Description,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyList<NodeDefinition> Nodes,
    IReadOnlyList<EdgeDefinition> Edges);

namespace PrefFlow.Workflows.Definitions;

/// <summary>Where a binding is written: its flowchart, and the loops around it, innermost first.</summary>
/// <param name="Chart">The flowchart whose nodes the binding may reference first.</param>
/// <param name="Parent">The enclosing flowchart's scope; null at the top level.</param>
/// <param name="LoopNodeId">The id, in the parent flowchart, of the loop node whose body <paramref name="Chart"/> is.</param>
/// <param name="Loop">That loop, whose carried variables iteration.previous reads; null at the top level.</param>
internal sealed record Scope(Flowchart Chart, Scope? Parent, string? LoopNodeId, LoopDefinition? Loop);

using System.Text.Json.Nodes;

namespace PrefFlow.Host.Api.Runs;

/// <summary>The body of POST /api/runs.</summary>
/// <param name="DefinitionId">The definition to run.</param>
/// <param name="Version">Its published version; the latest when omitted.</param>
/// <param name="Parameters">Parameter values by name; the definition's defaults fill in the rest.</param>
/// <param name="Seed">The run's seed; 1 when omitted.</param>
internal sealed record StartRunRequest(string DefinitionId, int? Version = null, JsonObject? Parameters = null, ulong? Seed = null);

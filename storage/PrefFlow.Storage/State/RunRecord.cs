namespace PrefFlow.Storage.State;

/// <summary>
/// One run of a workflow definition: the definition it runs (its id, version and exact JSON), the parameter
/// values and seed it runs with, its status and timings, and which process holds it.
/// </summary>
/// <param name="Id">The run's id: <c>^[a-z0-9][a-z0-9-]{0,63}$</c>, unique in the store.</param>
/// <param name="DefinitionId">The definition's id.</param>
/// <param name="DefinitionVersion">The definition's version.</param>
/// <param name="DefinitionSha256">The SHA-256 of the definition's JSON as stored with <see cref="IStateStore.PublishDefinitionAsync"/>.</param>
/// <param name="ParametersJson">Every parameter's value (defaults filled in) as a JSON object.</param>
/// <param name="Seed">The run's seed, from which every random choice derives.</param>
/// <param name="Status">Where the run stands.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="StartedAt">When a process first started it; null before.</param>
/// <param name="FinishedAt">When it last reached Succeeded, Failed or Cancelled; null otherwise.</param>
/// <param name="Error">Why it failed or stopped; null unless Failed or Interrupted.</param>
/// <param name="CancelRequested">True once a cancel was asked for and not yet acted on by a resume.</param>
/// <param name="LeaseOwner">The process executing it ("host:pid:nonce"); null when none.</param>
/// <param name="LeaseExpiresAt">When the owner's lease lapses unless renewed; null when none.</param>
/// <param name="ScheduleId">The schedule whose tick started the run; null for a run started by hand.</param>
public sealed record RunRecord(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    string DefinitionSha256,
    string ParametersJson,
    ulong Seed,
    RunStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Error = null,
    bool CancelRequested = false,
    string? LeaseOwner = null,
    DateTimeOffset? LeaseExpiresAt = null,
    string? ScheduleId = null);

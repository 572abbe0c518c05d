namespace PrefFlow.Storage.State;

/// <summary>Which runs <see cref="IStateStore.ListRunsAsync"/> returns, newest first.</summary>
/// <param name="DefinitionId">Only runs of this definition; null for all.</param>
/// <param name="Status">Only runs with this status; null for all.</param>
/// <param name="ScheduleId">Only runs started by this schedule; null for all.</param>
/// <param name="Skip">How many of the matching runs to skip.</param>
/// <param name="Take">The most to return, 1 to 1000.</param>
public sealed record RunQuery(string? DefinitionId = null, RunStatus? Status = null, int Skip = 0, int Take = 100, string? ScheduleId = null);

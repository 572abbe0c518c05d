namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "runs" table.</summary>
internal sealed class RunRow
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string DefinitionSha256 { get; set; }
    public required string ParametersJson { get; set; }
    public ulong Seed { get; set; }
    public RunStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
    public bool CancelRequested { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public string? ScheduleId { get; set; }

    public static RunRow From(RunRecord record) => new()
    {
        Id = record.Id,
        DefinitionId = record.DefinitionId,
        DefinitionVersion = record.DefinitionVersion,
        DefinitionSha256 = record.DefinitionSha256,
        ParametersJson = record.ParametersJson,
        Seed = record.Seed,
        Status = record.Status,
        CreatedAt = record.CreatedAt,
        StartedAt = record.StartedAt,
        FinishedAt = record.FinishedAt,
        Error = record.Error,
        CancelRequested = record.CancelRequested,
        LeaseOwner = record.LeaseOwner,
        LeaseExpiresAt = record.LeaseExpiresAt,
        ScheduleId = record.ScheduleId,
    };

    public RunRecord ToRecord() => new(
        Id, DefinitionId, DefinitionVersion, DefinitionSha256, ParametersJson, Seed, Status, CreatedAt,
        StartedAt, FinishedAt, Error, CancelRequested, LeaseOwner, LeaseExpiresAt, ScheduleId);
}

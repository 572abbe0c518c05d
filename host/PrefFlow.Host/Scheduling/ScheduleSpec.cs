using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// A schedule as stored with its Quartz job (the job store is the schedules' one source of truth, shared by the
/// cluster): when it fires (cron in a time zone), what a tick starts, and its misfire and overlap policies.
/// </summary>
internal sealed record ScheduleSpec(
    string Id,
    string Cron,
    string TimeZone,
    string DefinitionId,
    int? Version,
    JsonObject Parameters,
    ulong Seed,
    ScheduleAction Action,
    string IterationParameter,
    ScheduleMisfire Misfire,
    ScheduleOverlap Overlap)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScheduleSpec FromJson(string json) => JsonSerializer.Deserialize<ScheduleSpec>(json, Json)
        ?? throw new JsonException("a stored schedule is empty");
}

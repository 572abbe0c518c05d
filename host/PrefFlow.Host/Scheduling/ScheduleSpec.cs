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
    ulong? Seed,
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

    /// <summary>
    /// The seed of the tick's run: the schedule's own when it names one (continuing an experiment needs the same seed
    /// every time), otherwise one derived from the schedule and the tick, so each tick's run is a new sample and the
    /// same tick always gets the same seed (below 2^53, exact in JSON everywhere).
    /// </summary>
    public ulong SeedOf(DateTimeOffset tick)
    {
        if (Seed is { } fixedSeed) return fixedSeed;
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Id}|{tick.UtcTicks}"));
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash) & ((1UL << 53) - 1);
    }

    public static ScheduleSpec FromJson(string json) => JsonSerializer.Deserialize<ScheduleSpec>(json, Json)
        ?? throw new JsonException("a stored schedule is empty");
}

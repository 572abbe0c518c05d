using System.Text.Json.Nodes;
using PrefFlow.Host.Scheduling;

namespace PrefFlow.Host.Api.Schedules;

/// <summary>The body of PUT /api/schedules/{id}.</summary>
/// <param name="Cron">Quartz cron: seconds minutes hours day-of-month month day-of-week [year], e.g. "0 0 2 * * ?" for 02:00 nightly.</param>
/// <param name="DefinitionId">The definition a tick runs.</param>
/// <param name="TimeZone">The cron's time zone (IANA, e.g. "Europe/Berlin"); UTC when omitted.</param>
/// <param name="Version">The definition's version; the latest published at each tick when omitted.</param>
/// <param name="Parameters">Parameter values of every run.</param>
/// <param name="Seed">
/// The seed of every run. When omitted, each tick's run gets its own seed derived from the schedule and the tick; for
/// continue-experiment (which needs one seed for all its runs) it is 1.
/// </param>
/// <param name="Action">start-run (default) or continue-experiment.</param>
/// <param name="IterationParameter">For continue-experiment: the integer parameter counting iterations; "iterations" when omitted.</param>
/// <param name="Misfire">fire-once-now (default) or skip.</param>
/// <param name="Overlap">skip (default), buffer-one or allow.</param>
/// <param name="Paused">True to create it paused.</param>
internal sealed record ScheduleRequest(
    string Cron,
    string DefinitionId,
    string? TimeZone = null,
    int? Version = null,
    JsonObject? Parameters = null,
    ulong? Seed = null,
    ScheduleAction? Action = null,
    string? IterationParameter = null,
    ScheduleMisfire? Misfire = null,
    ScheduleOverlap? Overlap = null,
    bool Paused = false);

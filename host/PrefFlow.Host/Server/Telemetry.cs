using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrefFlow.Host.Server;

/// <summary>PrefFlow's own traces and metrics, beside ASP.NET Core's: one span per run executed, counters of runs and refusals.</summary>
internal static class Telemetry
{
    public const string Name = "PrefFlow";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("prefflow.runs.started", description: "Runs started through the API or by schedules.");

    public static readonly Counter<long> RunsExecuted = Meter.CreateCounter<long>("prefflow.runs.executed", description: "Run executions that ended on this host, by status.");

    public static readonly Counter<long> AuthFailures = Meter.CreateCounter<long>("prefflow.auth.failures", description: "Requests refused for a missing, unknown or revoked key.");
}

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PrefFlow.Host.Server;

/// <summary>
/// How <c>prefflow serve</c> runs, from its configuration (appsettings.json beside the program, then environment
/// variables, then the command line; the same PREFFLOW_* names as the CLI's stores):
/// PREFFLOW_MAX_RUNS (runs executing at once on this host, default 4),
/// PREFFLOW_MAX_BODY_BYTES (request body limit, default 1 MiB),
/// PREFFLOW_AUTH_FAILURES (failed authentications per client per minute before it is refused, default 10),
/// PREFFLOW_CLUSTER_CHECKIN_SECONDS (how often a clustered host checks in; silence this long marks it dead, default 5),
/// PREFFLOW_MISFIRE_SECONDS (how late a schedule's tick may fire before it counts as missed, default 30).
/// </summary>
internal sealed record ServerSettings
{
    public required string DataFolder { get; init; }

    public int MaxRuns { get; init; } = 4;

    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    public int AuthFailuresPerMinute { get; init; } = 10;

    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(30);

    public static ServerSettings From(IConfiguration configuration, string dataFolder) => new()
    {
        DataFolder = dataFolder,
        MaxRuns = Number(configuration, "PREFFLOW_MAX_RUNS", 4, 1, 256),
        MaxBodyBytes = Number(configuration, "PREFFLOW_MAX_BODY_BYTES", 1024 * 1024, 1024, 1L << 30),
        AuthFailuresPerMinute = Number(configuration, "PREFFLOW_AUTH_FAILURES", 10, 1, 1_000_000),
        CheckinInterval = TimeSpan.FromSeconds(Number(configuration, "PREFFLOW_CLUSTER_CHECKIN_SECONDS", 5, 1, 600)),
        MisfireThreshold = TimeSpan.FromSeconds(Number(configuration, "PREFFLOW_MISFIRE_SECONDS", 30, 1, 86_400)),
    };

    private static T Number<T>(IConfiguration configuration, string name, T fallback, T minimum, T maximum)
        where T : struct, System.Numerics.INumber<T>
    {
        string? text = configuration[name];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!T.TryParse(text.Trim(), CultureInfo.InvariantCulture, out T value) || value < minimum || value > maximum)
        {
            throw new ArgumentException($"{name} is '{text}': expected a whole number from {minimum} to {maximum}.");
        }
        return value;
    }
}

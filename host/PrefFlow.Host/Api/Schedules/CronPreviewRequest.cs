namespace PrefFlow.Host.Api.Schedules;

/// <summary>The body of POST /api/schedules/preview.</summary>
/// <param name="Cron">Quartz cron: seconds minutes hours day-of-month month day-of-week [year].</param>
/// <param name="TimeZone">The cron's time zone (IANA); UTC when omitted.</param>
internal sealed record CronPreviewRequest(string? Cron, string? TimeZone = null);

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PrefFlow.Host.Server;

/// <summary>The health report as JSON: the overall status and each check's status and description.</summary>
internal static class HealthReportJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = new JsonObject();
        foreach ((string name, HealthReportEntry entry) in report.Entries)
        {
            checks[name] = new JsonObject { ["status"] = entry.Status.ToString().ToLowerInvariant(), ["description"] = entry.Description };
        }
        var body = new JsonObject { ["status"] = report.Status.ToString().ToLowerInvariant(), ["checks"] = checks };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}

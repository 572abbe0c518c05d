using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Host.Rendering;
using PrefFlow.Host.Security;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Api.Runs;

/// <summary>/api/runs: start, list, inspect, follow, cancel, resume, retry, download artifacts and delete.</summary>
internal static class RunEndpoints
{
    private const int JournalPage = 1000;

    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/api/runs").WithTags("Runs").RequireAuthorization(Policies.Read);
        group.MapPost("/", StartAsync).RequireAuthorization(Policies.OperateRuns).WithSummary("Start a run of a published definition version.");
        group.MapGet("/", ListAsync).WithSummary("Runs, newest first, by definition, status or schedule, a page at a time.");
        group.MapGet("/{id}", GetAsync).WithSummary("A run: status, nodes, iterations with metrics, artifacts, timing.");
        group.MapGet("/{id}/journal", JournalAsync).WithSummary("The run's journal after a sequence number.");
        group.MapGet("/{id}/events", RunEventStream.StreamAsync).WithSummary("The journal as server-sent events, live until the run ends (honours Last-Event-ID).");
        group.MapGet("/{id}/logs", LogsAsync).WithSummary("The journal as plain text lines, optionally of one node.");
        group.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(Policies.OperateRuns).WithSummary("Cancel the run (its host stops it within a poll interval).");
        group.MapPost("/{id}/resume", ResumeAsync).RequireAuthorization(Policies.OperateRuns).WithSummary("Resume a failed, cancelled or interrupted run from its committed nodes.");
        group.MapPost("/{id}/nodes/{**path}", RetryNodeAsync).RequireAuthorization(Policies.OperateRuns)
            .WithSummary("Retry one failed node: POST /api/runs/{id}/nodes/{path}/retry resumes the run from it.");
        group.MapGet("/{id}/artifacts", ArtifactsAsync).WithSummary("The run's committed artifacts with their sha256.");
        group.MapGet("/{id}/artifacts/{sha256}", RunArtifacts.DownloadAsync).WithSummary("Download one artifact, verified; supports HTTP range requests.");
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(Policies.OperateRuns).WithSummary("Delete a run that is not executing, with the blobs no other run uses.");
    }

    private static async Task<IResult> StartAsync(StartRunRequest request, RunService runs, CancellationToken cancellationToken)
    {
        RunRecord run = await runs.StartAsync(request, null, null, cancellationToken).ConfigureAwait(false);
        return Results.Accepted($"/api/runs/{run.Id}", RunJson.Of(run));
    }

    private static async Task<IResult> ListAsync(
        IStateStore state, string? definition = null, string? status = null, string? schedule = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        RunStatus? wanted = status is null ? null
            : Enum.TryParse(status, ignoreCase: true, out RunStatus parsed) && Enum.IsDefined(parsed) ? parsed
            : throw ApiException.BadRequest($"status '{status}' is not one of {string.Join(", ", Enum.GetNames<RunStatus>().Select(n => n.ToLowerInvariant()))}", "status");
        if (skip < 0) throw ApiException.BadRequest("skip must be 0 or more", "skip");
        if (take is < 1 or > 500) throw ApiException.BadRequest("take must be 1 to 500", "take");
        IReadOnlyList<RunRecord> page = await RunLister.ListAsync(state, new RunQuery(definition, wanted, skip, take + 1, schedule), DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new
        {
            items = page.Take(take).Select(RunJson.Of).ToList(),
            skip,
            take,
            next = page.Count > take ? $"/api/runs?skip={skip + take}&take={take}" + Filter("definition", definition) + Filter("status", status) + Filter("schedule", schedule) : null,
        });
    }

    private static async Task<IResult> GetAsync(string id, RunSummaryReader summaries, RunService runs, CancellationToken cancellationToken)
    {
        await runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(RunJson.Of(await summaries.ReadAsync(id, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<IResult> JournalAsync(string id, RunService runs, IStateStore state, long after = 0, int limit = JournalPage, CancellationToken cancellationToken = default)
    {
        await runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (limit is < 1 or > JournalPage) throw ApiException.BadRequest($"limit must be 1 to {JournalPage}", "limit");
        IReadOnlyList<JournalEntry> entries = await state.ReadJournalAsync(id, after, limit, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { items = entries.Select(JournalJson.Of).ToList(), next = entries.Count == limit ? entries[^1].Sequence : (long?)null });
    }

    private static async Task<IResult> LogsAsync(string id, RunService runs, IStateStore state, string? node = null, CancellationToken cancellationToken = default)
    {
        await runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        long after = 0;
        while (true)
        {
            IReadOnlyList<JournalEntry> entries = await state.ReadJournalAsync(id, after, JournalPage, cancellationToken).ConfigureAwait(false);
            foreach (JournalEntry entry in entries.Where(e => node is null || e.NodePath is { } path && (path == node || path.StartsWith(node + "/", StringComparison.Ordinal))))
            {
                text.Append(CultureInfo.InvariantCulture, $"{entry.At:yyyy-MM-ddTHH:mm:ss.fffZ}  {entry.Kind,-18} {entry.NodePath ?? "run",-28}  {entry.Message}\n");
            }
            if (entries.Count < JournalPage) break;
            after = entries[^1].Sequence;
        }
        return Results.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> CancelAsync(string id, RunService runs, CancellationToken cancellationToken)
    {
        bool asked = await runs.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        RunRecord run = await runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return asked ? Results.Accepted($"/api/runs/{id}", RunJson.Of(run)) : throw ApiException.Conflict($"run '{id}' already ended ({RunJson.Name(run.Status)})");
    }

    private static async Task<IResult> ResumeAsync(string id, RunService runs, CancellationToken cancellationToken) =>
        Results.Accepted($"/api/runs/{id}", RunJson.Of(await runs.ResumeAsync(id, cancellationToken).ConfigureAwait(false)));

    private static async Task<IResult> RetryNodeAsync(string id, string path, RunService runs, CancellationToken cancellationToken)
    {
        if (!path.EndsWith("/retry", StringComparison.Ordinal)) throw ApiException.NotFound($"POST /api/runs/{id}/nodes/<path>/retry retries a node; '{path}' does not end in /retry");
        string node = path[..^"/retry".Length];
        return Results.Accepted($"/api/runs/{id}", RunJson.Of(await runs.RetryNodeAsync(id, node, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<IResult> ArtifactsAsync(string id, RunService runs, RunSummaryReader summaries, CancellationToken cancellationToken)
    {
        await runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        RunSummary summary = await summaries.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(summary.Artifacts.Select(RunJson.Artifact).ToList());
    }

    private static async Task<IResult> DeleteAsync(string id, RunService runs, RunSummaryReader summaries, CancellationToken cancellationToken)
    {
        int blobs = await runs.DeleteAsync(id, summaries, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { id, deleted = true, blobsDeleted = blobs });
    }

    private static string Filter(string name, string? value) => value is null ? "" : $"&{name}={Uri.EscapeDataString(value)}";
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrefFlow.Host.Security;

namespace PrefFlow.Host.Api.Schedules;

/// <summary>/api/schedules: cron schedules that start runs or continue experiments, with misfire and overlap policies.</summary>
internal static class ScheduleEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/api/schedules").WithTags("Schedules").RequireAuthorization(Policies.Read);
        group.MapGet("/", async (ScheduleService schedules, CancellationToken cancellationToken) =>
                Results.Ok(await schedules.ListAsync(cancellationToken).ConfigureAwait(false)))
            .WithSummary("Every schedule with its next fire times.");
        group.MapPost("/preview", (CronPreviewRequest request, ScheduleService schedules) => Results.Ok(schedules.Preview(request)))
            .WithSummary("Check a cron and time zone and list its next fire times, without storing anything.");
        group.MapGet("/{id}", async (string id, ScheduleService schedules, CancellationToken cancellationToken) =>
                Results.Ok(await schedules.GetAsync(id, cancellationToken).ConfigureAwait(false)))
            .WithSummary("One schedule: cron, time zone, what a tick does, policies, paused, next fire times.");
        group.MapPut("/{id}", async (string id, ScheduleRequest request, ScheduleService schedules, CancellationToken cancellationToken) =>
                Results.Ok(await schedules.PutAsync(id, request, cancellationToken).ConfigureAwait(false)))
            .RequireAuthorization(Policies.OperateRuns).WithSummary("Create or replace a schedule.");
        group.MapPost("/{id}/pause", async (string id, ScheduleService schedules, CancellationToken cancellationToken) =>
            {
                await schedules.PauseAsync(id, paused: true, cancellationToken).ConfigureAwait(false);
                return Results.Ok(await schedules.GetAsync(id, cancellationToken).ConfigureAwait(false));
            })
            .RequireAuthorization(Policies.OperateRuns).WithSummary("Pause: no ticks until resumed.");
        group.MapPost("/{id}/resume", async (string id, ScheduleService schedules, CancellationToken cancellationToken) =>
            {
                await schedules.PauseAsync(id, paused: false, cancellationToken).ConfigureAwait(false);
                return Results.Ok(await schedules.GetAsync(id, cancellationToken).ConfigureAwait(false));
            })
            .RequireAuthorization(Policies.OperateRuns).WithSummary("Resume; ticks missed while paused follow the misfire policy.");
        group.MapDelete("/{id}", async (string id, ScheduleService schedules, CancellationToken cancellationToken) =>
            {
                await schedules.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.OperateRuns).WithSummary("Delete a schedule (its runs stay).");
    }
}

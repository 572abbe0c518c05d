using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrefFlow.Host.Api.Definitions;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Scheduling;
using PrefFlow.Host.Server;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using PrefFlow.Workflows.Runtime;
using Quartz;

namespace PrefFlow.Host.Api.Schedules;

/// <summary>
/// Creates, replaces, pauses, resumes and deletes schedules in Quartz's job store (so every host of the cluster sees
/// them and exactly one fires each tick), after checking everything a tick would need: the cron, the time zone, the
/// definition, the parameters and, for continuing an experiment, its iteration parameter.
/// </summary>
internal sealed partial class ScheduleService(ScheduleClock clock, DefinitionService definitions, IActivityCatalog catalog, ServerSettings settings, TimeProvider time)
{
    private const int FireTimesShown = 5;

    private IScheduler Scheduler => clock.Scheduler;

    public async Task<JsonObject> PutAsync(string id, ScheduleRequest request, CancellationToken cancellationToken)
    {
        ScheduleSpec spec = await ValidateAsync(id, request, cancellationToken).ConfigureAwait(false);
        await Scheduler.ScheduleJob(ScheduleJobs.Job(spec), [ScheduleJobs.Trigger(spec, settings.MisfireThreshold)], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        if (request.Paused) await Scheduler.PauseJob(ScheduleJobs.Key(id), cancellationToken).ConfigureAwait(false);
        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonObject> GetAsync(string id, CancellationToken cancellationToken)
    {
        CheckId(id);
        IJobDetail job = await Scheduler.GetJobDetail(ScheduleJobs.Key(id), cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"no schedule has the id '{id}'");
        return await DescribeAsync(job, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JsonObject>> ListAsync(CancellationToken cancellationToken)
    {
        var schedules = new List<JsonObject>();
        foreach (JobKey key in (await Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduleJobs.Group), cancellationToken).ConfigureAwait(false)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            if (await Scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false) is { } job) schedules.Add(await DescribeAsync(job, cancellationToken).ConfigureAwait(false));
        }
        return schedules;
    }

    public async Task PauseAsync(string id, bool paused, CancellationToken cancellationToken)
    {
        await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (paused) await Scheduler.PauseJob(ScheduleJobs.Key(id), cancellationToken).ConfigureAwait(false);
        else await Scheduler.ResumeJob(ScheduleJobs.Key(id), cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        CheckId(id);
        if (!await Scheduler.DeleteJob(ScheduleJobs.Key(id), cancellationToken).ConfigureAwait(false)) throw ApiException.NotFound($"no schedule has the id '{id}'");
    }

    private async Task<ScheduleSpec> ValidateAsync(string id, ScheduleRequest request, CancellationToken cancellationToken)
    {
        CheckId(id);
        (string cron, string zone) = CheckCron(request.Cron, request.TimeZone);
        DefinitionDocuments.CheckId(request.DefinitionId ?? "");
        DefinitionRecord definition = request.Version is { } version
            ? await definitions.VersionAsync(request.DefinitionId!, version, cancellationToken).ConfigureAwait(false)
            : await definitions.LatestAsync(request.DefinitionId!, cancellationToken).ConfigureAwait(false)
              ?? throw ApiException.NotFound($"the definition '{request.DefinitionId}' has no published version: publish it first");
        WorkflowDefinition workflow = DefinitionLoader.Load(definition.Json, catalog).Definition
            ?? throw ApiException.Conflict($"the definition '{definition.Id}' version {definition.Version} no longer validates");
        JsonObject parameters = request.Parameters ?? [];
        ParameterValues.Resolve(workflow, ParameterOverrides.From(parameters));
        ScheduleAction action = request.Action ?? ScheduleAction.StartRun;
        string iterations = string.IsNullOrWhiteSpace(request.IterationParameter) ? "iterations" : request.IterationParameter;
        if (action == ScheduleAction.ContinueExperiment && workflow.Parameters.FirstOrDefault(p => p.Name == iterations) is not { Type: DataType.Integer })
        {
            throw ApiException.BadRequest($"continuing an experiment needs an integer parameter '{iterations}' counting its iterations, which '{workflow.Id}' does not have", "iterationParameter");
        }
        return new ScheduleSpec(id, cron, zone, definition.Id, request.Version, (JsonObject)parameters.DeepClone(),
            action == ScheduleAction.ContinueExperiment ? request.Seed ?? 1 : request.Seed,
            action, iterations, request.Misfire ?? ScheduleMisfire.FireOnceNow, request.Overlap ?? ScheduleOverlap.Skip);
    }

    /// <summary>What a cron would do, without storing anything: the next fire times from now, in UTC.</summary>
    public JsonObject Preview(CronPreviewRequest request)
    {
        (string cron, string zone) = CheckCron(request.Cron, request.TimeZone);
        return new JsonObject { ["cron"] = cron, ["timeZone"] = zone, ["nextFireTimes"] = NextFireTimes(cron, zone) };
    }

    private static (string Cron, string Zone) CheckCron(string? cron, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(cron)) throw ApiException.BadRequest("give the schedule a cron expression, e.g. \"0 0 2 * * ?\" for 02:00 every night", "cron");
        string zone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        TimeZoneInfo found;
        try
        {
            found = TimeZoneInfo.FindSystemTimeZoneById(zone);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ApiException.BadRequest($"time zone '{zone}' is not known: use an IANA name such as \"Europe/Berlin\" or \"UTC\"", "timeZone");
        }
        try
        {
            _ = new CronExpression(cron, found);
        }
        catch (FormatException error)
        {
            throw ApiException.BadRequest($"cron '{cron}' is not valid: {error.Message} (seconds minutes hours day-of-month month day-of-week [year])", "cron");
        }
        return (cron.Trim(), zone);
    }

    private JsonArray NextFireTimes(string cron, string zone)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.FindSystemTimeZoneById(zone));
        var next = new JsonArray();
        DateTimeOffset after = time.GetUtcNow();
        for (int i = 0; i < FireTimesShown && expression.GetNextValidTimeAfter(after) is { } at; i++)
        {
            next.Add(at);
            after = at;
        }
        return next;
    }

    private async Task<JsonObject> DescribeAsync(IJobDetail job, CancellationToken cancellationToken)
    {
        ScheduleSpec spec = ScheduleSpec.FromJson(job.JobDataMap.GetString(ScheduleJobs.SpecKey)!);
        TriggerState state = await Scheduler.GetTriggerState(ScheduleJobs.TriggerKeyOf(spec.Id), cancellationToken).ConfigureAwait(false);
        var json = (JsonObject)JsonNode.Parse(spec.ToJson())!;
        json["paused"] = state == TriggerState.Paused;
        json["nextFireTimes"] = NextFireTimes(spec.Cron, spec.TimeZone);
        json["runs"] = $"/api/runs?schedule={spec.Id}";
        return json;
    }

    private static void CheckId(string id)
    {
        if (!IdPattern().IsMatch(id)) throw ApiException.BadRequest($"'{id}' is not a schedule id: use 1 to 40 lower-case letters, digits and '-', starting with a letter", "id");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}

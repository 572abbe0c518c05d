using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PrefFlow.Host.Tests.Server;

/// <summary>Schedules on clustered hosts (PostgreSQL, Azurite): one run per tick across hosts, misfires after downtime, overlap policies.</summary>
public sealed class ScheduleTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_schedule_ticking_every_two_seconds_on_three_hosts_starts_exactly_one_run_per_tick()
    {
        using TestServer first = TestServer.Start(ClusterFixture.NewFolder(), cluster.Environment);
        using TestServer second = TestServer.Start(ClusterFixture.NewFolder(), cluster.Environment, first.Keys);
        using TestServer third = TestServer.Start(ClusterFixture.NewFolder(), cluster.Environment, first.Keys);
        using HttpClient operatorClient = first.Client("operator");
        string definition = await TestApi.PublishAsync(first.Client("editor"), "task-prompts.json", "ticks-" + Guid.NewGuid().ToString("N")[..8]);
        string schedule = "ticks-" + Guid.NewGuid().ToString("N")[..6];

        await PutAsync(operatorClient, schedule, $$"""{"cron":"0/2 * * * * ?","definitionId":"{{definition}}","overlap":"allow"}""");
        await Task.Delay(TimeSpan.FromSeconds(13));
        await TestApi.PostAsync(operatorClient, $"/api/schedules/{schedule}/pause", null, HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(1));

        List<DateTimeOffset> ticks = await TicksAsync(operatorClient, schedule);
        Assert.True(ticks.Count >= 5, $"{ticks.Count} ticks in 13 s");
        // Every tick from the first to the last has its run: none lost, none doubled (ids are unique per tick).
        for (int i = 1; i < ticks.Count; i++) Assert.Equal(TimeSpan.FromSeconds(2), ticks[i] - ticks[i - 1]);
        // No tick fired on two hosts: the hosts together logged one started run per tick.
        string logs = first.Process.Output + second.Process.Output + third.Process.Output;
        int started = logs.Split('\n').Count(line => line.Contains($"schedule {schedule}: tick", StringComparison.Ordinal) && line.Contains("started run", StringComparison.Ordinal));
        Assert.Equal(ticks.Count, started);
        foreach (JsonNode? run in (await TestApi.GetAsync(operatorClient, $"/api/runs?schedule={schedule}&take=100"))["items"]!.AsArray())
        {
            await TestApi.WaitForStatusAsync(operatorClient, (string)run!["id"]!, Timeout, "succeeded");
        }
        JsonNode paused = await TestApi.GetAsync(operatorClient, $"/api/schedules/{schedule}");
        Assert.True((bool)paused["paused"]!);
        Assert.Equal(5, paused["nextFireTimes"]!.AsArray().Count);
    }

    [Fact]
    public async Task After_a_downtime_fire_once_now_makes_one_run_for_the_missed_ticks_and_skip_makes_none()
    {
        var environment = new Dictionary<string, string>(cluster.Environment) { ["PREFFLOW_MISFIRE_SECONDS"] = "1" };
        string folder = ClusterFixture.NewFolder();
        TestServer host = TestServer.Start(folder, environment);
        IReadOnlyDictionary<string, string> keys = host.Keys;
        string definition = await TestApi.PublishAsync(host.Client("editor"), "task-prompts.json", "misfire-" + Guid.NewGuid().ToString("N")[..8]);
        string once = "once-" + Guid.NewGuid().ToString("N")[..6], skip = "skip-" + Guid.NewGuid().ToString("N")[..6];
        using (HttpClient client = host.Client("operator"))
        {
            await PutAsync(client, once, $$"""{"cron":"0/2 * * * * ?","definitionId":"{{definition}}","misfire":"fire-once-now","overlap":"allow"}""");
            await PutAsync(client, skip, $$"""{"cron":"0/2 * * * * ?","definitionId":"{{definition}}","misfire":"skip","overlap":"allow"}""");
        }
        await Task.Delay(TimeSpan.FromSeconds(5));

        // Taken before the kill: a tick after it either fired before the kill for both schedules alike, or was missed.
        DateTimeOffset down = DateTimeOffset.UtcNow;
        host.Process.KillHard();
        host.Dispose();
        await Task.Delay(TimeSpan.FromSeconds(10));
        DateTimeOffset restarting = DateTimeOffset.UtcNow;
        using TestServer again = TestServer.Start(folder, environment, keys);
        using HttpClient operatorClient = again.Client("operator");
        // The killed host's in-flight triggers wait until the cluster declares it dead (a few check-ins), longer on a
        // loaded machine: wait until both schedules tick again on their own, then stop them.
        await WaitForTickAfterAsync(operatorClient, once, restarting.AddSeconds(4));
        await WaitForTickAfterAsync(operatorClient, skip, restarting.AddSeconds(4));
        await TestApi.PostAsync(operatorClient, $"/api/schedules/{once}/pause", null, HttpStatusCode.OK);
        await TestApi.PostAsync(operatorClient, $"/api/schedules/{skip}/pause", null, HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(1));

        List<DateTimeOffset> onceTicks = await TicksAsync(operatorClient, once), skipTicks = await TicksAsync(operatorClient, skip);
        // Both fire on the same grid: compare them up to the last tick both reached.
        DateTimeOffset end = (onceTicks[^1] < skipTicks[^1] ? onceTicks[^1] : skipTicks[^1]).AddSeconds(0.5);
        output.WriteLine($"down {down:HH:mm:ss.fff}, restarting {restarting:HH:mm:ss.fff}; once: {string.Join(' ', onceTicks.Select(t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))}; skip: {string.Join(' ', skipTicks.Select(t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))}");
        // skip: no run for the ticks missed while no host was up (a tick at or before the kill fired, or is recovered).
        Assert.DoesNotContain(skipTicks, t => t > down.AddSeconds(1) && t < restarting);
        // fire-once-now: one run for all of them (named after the first missed tick, or after the moment it fired);
        // otherwise both fire on the same grid, so it has one run more from the downtime on (or more still, when a
        // regular tick came later than the misfire threshold on a loaded machine: skip drops it, fire-once-now fires it).
        Assert.True(onceTicks.Count(t => t > down.AddSeconds(1) && t < restarting) <= 1);
        int onceAfter = onceTicks.Count(t => t > down && t < end);
        int skipAfter = skipTicks.Count(t => t > down && t < end);
        Assert.True(onceAfter >= skipAfter + 1, $"fire-once-now: {onceAfter} runs from the downtime on, skip: {skipAfter}");
    }

    [Fact]
    public async Task Overlap_skip_never_overlaps_buffer_one_queues_one_run_and_allow_overlaps()
    {
        var environment = new Dictionary<string, string>(cluster.Environment) { ["PREFFLOW_MAX_RUNS"] = "6" };
        using TestServer host = TestServer.Start(ClusterFixture.NewFolder(), environment);
        using HttpClient operatorClient = host.Client("operator");
        string definition = await TestApi.PublishAsync(host.Client("editor"), "long-prompts.json", "overlap-" + Guid.NewGuid().ToString("N")[..8]);
        string suffix = Guid.NewGuid().ToString("N")[..6];
        string[] policies = ["skip", "buffer-one", "allow"];
        foreach (string policy in policies)
        {
            // Each run takes a few seconds, longer than the ticks are apart; "allow" ticks less often to spare the CPU.
            string cron = policy == "allow" ? "0/4 * * * * ?" : "0/2 * * * * ?";
            await PutAsync(operatorClient, $"{policy}-{suffix}", $$"""{"cron":"{{cron}}","definitionId":"{{definition}}","overlap":"{{policy}}","parameters":{"count":40000} }""");
        }
        // Each schedule is paused once it has two runs (allow and buffer-one soon, skip only after its first run ended):
        // on a loaded machine that takes longer than any fixed wait would allow for, and fewer runs spare the CPU.
        foreach (string policy in policies.Reverse())
        {
            await WaitForRunCountAsync(operatorClient, $"{policy}-{suffix}", 2);
            await TestApi.PostAsync(operatorClient, $"/api/schedules/{policy}-{suffix}/pause", null, HttpStatusCode.OK);
        }

        var runs = new Dictionary<string, List<JsonNode>>();
        foreach (string policy in policies)
        {
            runs[policy] = [];
            JsonNode page = await TestApi.GetAsync(operatorClient, $"/api/runs?schedule={policy}-{suffix}&take=100");
            foreach (JsonNode? run in page["items"]!.AsArray().Reverse())
            {
                runs[policy].Add(await TestApi.WaitForStatusAsync(operatorClient, (string)run!["id"]!, Timeout, "succeeded"));
            }
            output.WriteLine($"{policy}: " + string.Join(" | ", runs[policy].Select(r => $"{Time(r["createdAt"])} {Time(r["startedAt"])}-{Time(r["finishedAt"])}")));
        }

        // skip: a tick while a run has not ended makes no run, so each run is created after the one before ended.
        Assert.True(runs["skip"].Count >= 2);
        Assert.All(Pairs(runs["skip"]), pair => Assert.True(At(pair.Next["createdAt"]) >= At(pair.Previous["finishedAt"])));
        // buffer-one: runs never execute at once, and one waited (created before, started after the previous ended).
        Assert.All(Pairs(runs["buffer-one"]), pair => Assert.True(At(pair.Next["startedAt"]) >= At(pair.Previous["finishedAt"])));
        Assert.Contains(Pairs(runs["buffer-one"]), pair => At(pair.Next["createdAt"]) < At(pair.Previous["finishedAt"]));
        Assert.True(runs["buffer-one"].Count > runs["skip"].Count - 1);
        // allow: a run starts while the one before still runs.
        Assert.Contains(Pairs(runs["allow"]), pair => At(pair.Next["startedAt"]) < At(pair.Previous["finishedAt"]));
    }

    [Fact]
    public async Task A_host_executing_its_most_runs_still_ticks_on_time_and_its_ticks_runs_wait_their_turn()
    {
        var environment = new Dictionary<string, string>(cluster.Environment) { ["PREFFLOW_MAX_RUNS"] = "1" };
        using TestServer host = TestServer.Start(ClusterFixture.NewFolder(), environment);
        using HttpClient operatorClient = host.Client("operator");
        string definition = await TestApi.PublishAsync(host.Client("editor"), "long-prompts.json", "busy-" + Guid.NewGuid().ToString("N")[..8]);
        string schedule = "busy-" + Guid.NewGuid().ToString("N")[..6];

        // A run takes several seconds and the host executes one at a time; the schedule ticks every 2 s.
        await PutAsync(operatorClient, schedule, $$"""{"cron":"0/2 * * * * ?","definitionId":"{{definition}}","misfire":"skip","overlap":"allow","parameters":{"count":300000} }""");
        await WaitForRunCountAsync(operatorClient, schedule, 3);
        await TestApi.PostAsync(operatorClient, $"/api/schedules/{schedule}/pause", null, HttpStatusCode.OK);

        List<JsonNode> runs = [.. (await TestApi.GetAsync(operatorClient, $"/api/runs?schedule={schedule}&take=100"))["items"]!.AsArray().Reverse().Select(r => r!)];
        List<DateTimeOffset> ticks = await TicksAsync(operatorClient, schedule);
        // The later runs are not needed (and would keep the cluster's hosts busy): cancelled, whether waiting or started.
        foreach (JsonNode run in runs.Skip(1))
        {
            using HttpResponseMessage cancelled = await operatorClient.PostAsync(new Uri($"/api/runs/{run["id"]}/cancel", UriKind.Relative), null);
        }
        JsonNode first = await TestApi.WaitForStatusAsync(operatorClient, (string)runs[0]["id"]!, Timeout, "succeeded");
        output.WriteLine($"first run {Time(first["startedAt"])}-{Time(first["finishedAt"])}; created: {string.Join(' ', runs.Select(r => Time(r["createdAt"])))}");
        // The ticks came on time while the only run thread was busy: none late (so none dropped), each made its run.
        for (int i = 1; i < ticks.Count; i++) Assert.Equal(TimeSpan.FromSeconds(2), ticks[i] - ticks[i - 1]);
        Assert.True(At(runs[2]["createdAt"]) < At(first["finishedAt"]), "the third tick's run was created only after the first run ended");
    }

    [Fact]
    public async Task Continuing_an_experiment_runs_one_iteration_more_per_tick_and_reuses_the_earlier_ones()
    {
        using TestServer host = TestServer.Start(ClusterFixture.NewFolder(), cluster.Environment);
        using HttpClient operatorClient = host.Client("operator");
        string definition = await TestApi.PublishAsync(host.Client("editor"), "growing-prompts.json", "growing-" + Guid.NewGuid().ToString("N")[..8]);
        string schedule = "grow-" + Guid.NewGuid().ToString("N")[..6];

        await PutAsync(operatorClient, schedule, $$"""{"cron":"0/3 * * * * ?","definitionId":"{{definition}}","action":"continue-experiment","seed":11,"overlap":"skip"}""");
        // "skip" drops the ticks that come while a run is still going, so on a loaded machine three runs take longer.
        await WaitForRunCountAsync(operatorClient, schedule, 3);
        await TestApi.PostAsync(operatorClient, $"/api/schedules/{schedule}/pause", null, HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(1));

        JsonNode page = await TestApi.GetAsync(operatorClient, $"/api/runs?schedule={schedule}&take=100");
        var runs = new List<JsonNode>();
        foreach (JsonNode? run in page["items"]!.AsArray().Reverse()) runs.Add(await TestApi.WaitForStatusAsync(operatorClient, (string)run!["id"]!, Timeout, "succeeded"));
        Assert.True(runs.Count >= 3, $"{runs.Count} runs");
        Assert.Equal(Enumerable.Range(1, runs.Count), runs.Select(r => (int)r["parameters"]!["iterations"]!));
        Assert.All(runs, r => Assert.Equal(11UL, (ulong)r["seed"]!));
        // The last run computed only its new iteration: every earlier node was reused from the runs before it.
        JsonNode journal = await TestApi.GetAsync(operatorClient, $"/api/runs/{runs[^1]["id"]}/journal");
        string[] committed = [.. journal["items"]!.AsArray().Where(e => (string?)e!["kind"] == "node.committed").Select(e => (string)e!["node"]!)];
        string[] reused = [.. journal["items"]!.AsArray().Where(e => (string?)e!["kind"] == "node.reused").Select(e => (string)e!["node"]!)];
        Assert.Equal([$"iterations/{runs.Count - 1}/prompts"], committed);
        Assert.Equal(runs.Count, reused.Length);
    }

    private static async Task PutAsync(HttpClient client, string id, string body)
    {
        using HttpResponseMessage response = await client.PutAsync(new Uri($"/api/schedules/{id}", UriKind.Relative), TestApi.Json(body));
        await TestApi.ReadAsync(response, HttpStatusCode.OK);
    }

    private static async Task WaitForRunCountAsync(HttpClient client, string schedule, int count)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + Timeout;
        while ((await TestApi.GetAsync(client, $"/api/runs?schedule={schedule}&take=100"))["items"]!.AsArray().Count < count)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"fewer than {count} runs of {schedule} after {Timeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task WaitForTickAfterAsync(HttpClient client, string schedule, DateTimeOffset after)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + Timeout;
        while (!(await TicksAsync(client, schedule)).Any(t => t > after))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{schedule} did not tick after {after:HH:mm:ss} within {Timeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    // The ticks of a schedule's runs, from their ids (schedule-yyyyMMdd-HHmmss), oldest first.
    private static async Task<List<DateTimeOffset>> TicksAsync(HttpClient client, string schedule)
    {
        JsonNode page = await TestApi.GetAsync(client, $"/api/runs?schedule={schedule}&take=500");
        return [.. page["items"]!.AsArray()
            .Select(r => DateTimeOffset.ParseExact(((string)r!["id"]!)[(schedule.Length + 1)..], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
            .Order()];
    }

    private static IEnumerable<(JsonNode Previous, JsonNode Next)> Pairs(List<JsonNode> runs) => runs.Zip(runs.Skip(1));

    private static DateTimeOffset At(JsonNode? value) => (DateTimeOffset)value!;

    private static string Time(JsonNode? value) => value is null ? "-" : At(value).ToString("HH:mm:ss.f", CultureInfo.InvariantCulture);
}

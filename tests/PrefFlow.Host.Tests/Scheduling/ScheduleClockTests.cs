using System.Text.Json.Nodes;
using PrefFlow.Host.Scheduling;
using Quartz;

namespace PrefFlow.Host.Tests.Scheduling;

/// <summary>
/// Schedules live in a Quartz scheduler of their own (the clock), apart from the runs' one; schedules an earlier
/// version stored with the runs move to the clock when a server starts.
/// </summary>
public sealed class ScheduleClockTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "prefflow-clock-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Schedules_kept_with_the_runs_move_to_the_clock_as_they_were_paused_or_not()
    {
        Directory.CreateDirectory(_data);
        SchedulerSettings settings = SchedulerSettings.From(_data, _ => null);
        IScheduler runs = await QuartzSchedulerBuilder.Create(quartz => QuartzStore.Use(quartz, settings, RunDispatcher.InstanceName, 1)).BuildScheduler();
        foreach ((string id, bool paused) in new[] { ("nightly", false), ("held", true) })
        {
            var spec = new ScheduleSpec(id, "0 0 3 * * ?", "UTC", "budget-decrease", null, [], null, ScheduleAction.StartRun, "iterations", ScheduleMisfire.FireOnceNow, ScheduleOverlap.Skip);
            await runs.ScheduleJob(ScheduleJobs.Job(spec), [ScheduleJobs.Trigger(spec, TimeSpan.FromSeconds(30))], ScheduleJobOptions.Replacing);
            if (paused) await runs.PauseJob(ScheduleJobs.Key(id));
        }
        await runs.Shutdown();
        var database = new SchedulerDatabase(_data);
        Assert.Equal(["held", "nightly"], database.JobsOf(RunDispatcher.InstanceName));

        using (TestServer server = TestServer.Start(_data))
        {
            using HttpClient viewer = server.Client("viewer");
            JsonArray schedules = (await TestApi.GetAsync(viewer, "/api/schedules")).AsArray();
            Assert.Equal(["held", "nightly"], schedules.Select(s => (string)s!["id"]!));
            Assert.Equal([true, false], schedules.Select(s => (bool)s!["paused"]!));
            Assert.All(schedules, s => Assert.Equal("0 0 3 * * ?", (string)s!["cron"]!));
        }

        Assert.Empty(database.JobsOf(RunDispatcher.InstanceName));
        Assert.Equal(["held", "nightly"], database.JobsOf(ScheduleClock.InstanceName));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping process: the temp folder is cleaned later.
        }
    }
}

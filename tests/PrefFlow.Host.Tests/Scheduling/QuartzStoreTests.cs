using PrefFlow.Host.Scheduling;
using Quartz;

namespace PrefFlow.Host.Tests.Scheduling;

/// <summary>
/// How late triggers are handled: a missed schedule tick is found within seconds of counting as missed, and a run's
/// trigger waiting for a free thread is never taken out of line as missed.
/// </summary>
public sealed class QuartzStoreTests : IDisposable
{
    // Quartz's stored code for "ignore misfires" (its constant is not public).
    private const int IgnoreMisfires = -1;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "prefflow-store-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_trigger_later_than_the_misfire_threshold_fires_within_seconds_not_after_the_default_minute()
    {
        Directory.CreateDirectory(_data);
        SchedulerSettings settings = SchedulerSettings.From(_data, _ => null);
        IScheduler scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.AddJobType<SignallingJob>();
            QuartzStore.Use(quartz, settings, "misfire-test", 1, TimeSpan.FromSeconds(1));
        }).BuildScheduler();
        await scheduler.Start();
        try
        {
            // Stored after the handler's first scan (it scans when the scheduler starts), 10 s late: only a later
            // scan of the misfire handler fires it (the trigger is too late for the regular acquisition).
            await Task.Delay(TimeSpan.FromSeconds(2));
            string name = Guid.NewGuid().ToString("N");
            var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            SignallingJob.Waiting[name] = fired;
            IJobDetail job = JobBuilder.Create<SignallingJob>().WithIdentity(name).Build();
            // As a schedule's trigger, it carries the threshold itself.
            ITrigger late = TriggerBuilder.Create().ForJob(job).WithMisfireThreshold(TimeSpan.FromSeconds(1)).StartAt(DateTimeOffset.UtcNow.AddSeconds(-10)).Build();
            await scheduler.ScheduleJob(job, [late], ScheduleJobOptions.Replacing);

            Task first = await Task.WhenAny(fired.Task, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(first == fired.Task, "the late trigger did not fire within 20 s");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    [Fact]
    public void Run_triggers_wait_for_a_free_thread_however_long_it_takes()
    {
        JobKey job = RunJobs.Key("r");
        ITrigger[] triggers =
        [
            RunJobs.Now("r"),
            RunJobs.Retry("r", DateTimeOffset.UtcNow),
            RunJobs.StartNow("r", SchedulerSettings.ServerGroup, PreferredNode.None),
            RunJobs.Parked(job),
        ];
        Assert.All(triggers, trigger => Assert.Equal(IgnoreMisfires, trigger.MisfireInstructionCode));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temp folder is cleaned later.
        }
    }
}

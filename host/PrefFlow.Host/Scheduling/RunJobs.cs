using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>The Quartz names and shapes of run jobs: one job per run, keyed runs.&lt;runId&gt;.</summary>
internal static class RunJobs
{
    public const string Group = "runs";
    public const string RunIdKey = "runId";
    public const string ResumeKey = "resume";

    public static JobKey Key(string runId) => new(runId, Group);

    /// <summary>Not durable (gone once it ran), recoverable (re-fired when the process executing it died).</summary>
    public static IJobDetail Job(string runId) => JobBuilder.Create<ExecuteRunJob>()
        .WithIdentity(Key(runId))
        .WithDescription($"execute run {runId}")
        .UsingJobData(RunIdKey, runId)
        .RequestRecovery(true)
        .Build();

    /// <summary>
    /// A run a server executes: recoverable, and not pinned to any node: whichever host is free takes it. Gone once
    /// it ran, unless it scheduled a retry of itself.
    /// </summary>
    public static IJobDetail Submitted(string runId, bool resume) => JobBuilder.Create<ExecuteSubmittedRunJob>()
        .WithIdentity(Key(runId))
        .WithDescription($"{(resume ? "resume" : "start")} run {runId}")
        .UsingJobData(RunIdKey, runId)
        .UsingJobData(ResumeKey, resume)
        .RequestRecovery(true)
        .Build();

    /// <summary>The trigger of a submitted run: fires as soon as a host is free.</summary>
    public static ITrigger Now(string runId) => Queued(runId)
        .ForJob(Key(runId))
        .WithExecutionGroup(SchedulerSettings.ServerGroup)
        .StartNow()
        .Build();

    /// <summary>A later try of a recovered run whose dead owner's lease has not lapsed yet.</summary>
    public static ITrigger Retry(string runId, DateTimeOffset at) => Queued($"{runId}.retry-{at.ToUnixTimeMilliseconds()}")
        .ForJob(Key(runId))
        .WithExecutionGroup(SchedulerSettings.ServerGroup)
        .StartAt(at)
        .Build();

    /// <summary>
    /// A trigger that fires now, in the execution group of the process that is to execute it; in a cluster also
    /// pinned to that node, so that no other node fires it while that node checks in.
    /// </summary>
    public static ITrigger StartNow(string runId, string executionGroup, PreferredNode node) => Queued(runId)
        .ForJob(Key(runId))
        .WithExecutionGroup(executionGroup)
        .WithPreferredNode(node)
        .StartNow()
        .Build();

    /// <summary>A run a CLI process set aside (recovered, not its own): only a server fires it.</summary>
    public static ITrigger Parked(JobKey job) => Queued($"{job.Name}.parked")
        .ForJob(job)
        .WithExecutionGroup(SchedulerSettings.ParkedGroup)
        .StartNow()
        .Build();

    // A run's trigger waits in line while every thread of every host executes a run, for as long as that takes. Quartz
    // would take a trigger waiting longer than its misfire threshold (60 s) out of line until its misfire handler
    // comes by (every 60 s), so a run could wait a minute after a thread freed: run triggers ignore misfires.
    private static TriggerBuilder<IJob> Queued(string name) => TriggerBuilder.Create()
        .WithIdentity(name, Group)
        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires));
}

using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>The Quartz names and shapes of run jobs: one job per run, keyed runs.&lt;runId&gt;.</summary>
internal static class RunJobs
{
    public const string Group = "runs";
    public const string RunIdKey = "runId";

    public static JobKey Key(string runId) => new(runId, Group);

    /// <summary>Not durable (gone once it ran), recoverable (re-fired when the process executing it died).</summary>
    public static IJobDetail Job(string runId) => JobBuilder.Create<ExecuteRunJob>()
        .WithIdentity(Key(runId))
        .WithDescription($"execute run {runId}")
        .UsingJobData(RunIdKey, runId)
        .RequestRecovery(true)
        .Build();

    /// <summary>
    /// A trigger that fires now, in the execution group of the process that is to execute it; in a cluster also
    /// pinned to that node, so a server (which serves every group) fires it only when that node stopped checking in.
    /// </summary>
    public static ITrigger StartNow(string runId, string executionGroup, PreferredNode node) => TriggerBuilder.Create()
        .WithIdentity(runId, Group)
        .ForJob(Key(runId))
        .WithExecutionGroup(executionGroup)
        .WithPreferredNode(node)
        .StartNow()
        .Build();
}

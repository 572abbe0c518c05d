using System.Text.Json.Nodes;

namespace PrefFlow.Host.Tests.Scheduling;

/// <summary>
/// Runs executed through Quartz's persistent job store (DATA/scheduler.db): a finished run leaves no job behind; a run
/// killed with SIGKILL leaves a recoverable job that another CLI run does not execute, and 'prefflow resume' completes it.
/// Uses a definition without training, so each run takes a second or so.
/// </summary>
public sealed class RunDispatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "prefflow-dispatch-" + Guid.NewGuid().ToString("N"));

    private static string Definition => Path.Combine(AppContext.BaseDirectory, "Definitions", "task-prompts.json");

    [Fact]
    public void A_finished_run_leaves_the_quartz_tables_and_no_job()
    {
        var run = PrefFlowProcess.Run(Patience, "run", Definition, "--data-dir", _data, "--run-id", "quick");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("run quick: succeeded", run.Output, StringComparison.Ordinal);
        var scheduler = new SchedulerDatabase(_data);
        Assert.True(File.Exists(scheduler.File));
        Assert.Superset(new HashSet<string> { "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_FIRED_TRIGGERS", "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE" }, scheduler.Tables().ToHashSet());
        Assert.Empty(scheduler.Jobs());
        Assert.Empty(scheduler.Triggers());
    }

    [Fact]
    public void A_killed_run_keeps_its_job_for_resume_and_another_run_does_not_execute_it()
    {
        using (RunningPrefFlow victim = RunningPrefFlow.Start(null, "run", Definition, "--set", "count=1000000", "--data-dir", _data, "--run-id", "victim"))
        {
            victim.WaitFor(line => line.Contains("  prompts ", StringComparison.Ordinal) && line.Contains("started", StringComparison.Ordinal), Patience);
            victim.KillHard();
        }
        var scheduler = new SchedulerDatabase(_data);
        Assert.Equal(["victim"], scheduler.RecoverableJobs());

        // Another run in the same data folder starts a scheduler over the same store: it runs its own run only.
        var other = PrefFlowProcess.Run(Patience, "run", Definition, "--data-dir", _data, "--run-id", "bystander");
        Assert.True(other.ExitCode == 0, other.Error);
        Assert.DoesNotContain("victim", other.Output, StringComparison.Ordinal);
        Assert.Equal("interrupted", Status("victim")["status"]!.GetValue<string>());
        Assert.Equal(["victim"], scheduler.RecoverableJobs());

        var resumed = PrefFlowProcess.Run(Patience, "resume", "victim", "--data-dir", _data);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal("succeeded", Status("victim")["status"]!.GetValue<string>());
        Assert.Empty(scheduler.Jobs());
        Assert.Empty(scheduler.Triggers());
    }

    [Fact]
    public void A_mistake_found_by_the_job_is_reported_as_one_line_with_exit_code_2()
    {
        var resume = PrefFlowProcess.Run(Patience, "resume", "no-such-run", "--data-dir", _data);

        Assert.Equal(2, resume.ExitCode);
        Assert.Equal("prefflow: no run has the id 'no-such-run'.", resume.Error.Trim());
        Assert.Empty(new SchedulerDatabase(_data).Jobs());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private JsonObject Status(string runId)
    {
        var status = PrefFlowProcess.Run("status", runId, "--data-dir", _data, "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        return JsonNode.Parse(status.Output)!.AsObject();
    }
}

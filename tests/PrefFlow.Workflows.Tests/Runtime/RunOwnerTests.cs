using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Workflows.Tests.Runtime;

/// <summary>What a run's status reads as when the process that executed it is gone.</summary>
public sealed class RunOwnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static RunRecord Run(RunStatus status, string? owner, DateTimeOffset? leaseExpiresAt) =>
        new("r", "d", 1, "sha", "{}", 1, status, Now.AddMinutes(-5), LeaseOwner: owner, LeaseExpiresAt: leaseExpiresAt);

    // This process is alive; a pid that cannot exist on this machine is dead.
    private static string Alive => RunOwner.New();

    private static string Dead => $"{Environment.MachineName}:{int.MaxValue}:deadbeef";

    [Fact]
    public void A_running_run_reads_running_while_a_live_process_holds_its_lease()
    {
        Assert.Equal(RunStatus.Running, RunOwner.EffectiveStatus(Run(RunStatus.Running, Alive, Now.AddSeconds(30)), Now));
    }

    [Fact]
    public void A_running_run_whose_process_died_or_whose_lease_lapsed_reads_interrupted()
    {
        Assert.Equal(RunStatus.Interrupted, RunOwner.EffectiveStatus(Run(RunStatus.Running, Dead, Now.AddSeconds(30)), Now));
        Assert.Equal(RunStatus.Interrupted, RunOwner.EffectiveStatus(Run(RunStatus.Running, Alive, Now.AddSeconds(-1)), Now));
        Assert.Equal(RunStatus.Interrupted, RunOwner.EffectiveStatus(Run(RunStatus.Running, null, null), Now));
    }

    [Theory]
    [InlineData(RunStatus.Pending)]
    [InlineData(RunStatus.Succeeded)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Cancelled)]
    public void Other_statuses_read_as_they_are(RunStatus status)
    {
        Assert.Equal(status, RunOwner.EffectiveStatus(Run(status, Dead, Now.AddSeconds(-1)), Now));
    }
}

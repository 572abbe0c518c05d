using PrefFlow.Host.Hosting;
using PrefFlow.Host.Sweeps;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Tests.Sweeps;

/// <summary>A sweep's runs: one per cell and seed, cell by cell, with ids that only the run's content decides.</summary>
public sealed class SweepPlanTests
{
    private static readonly PrefFlow.Workflows.Activities.ActivityRegistry Activities = EngineHost.Registry(null);

    private static SweepSpec Spec(IReadOnlyList<GridAxis> grid, params ulong[] seeds) =>
        new("s", "", [new SweepArm("paper", "paper-single-iteration", new Dictionary<string, string> { ["corpusStrategy"] = "random" })],
            grid, seeds, [], new SweepPlot(null, null));

    [Fact]
    public void Every_cell_runs_with_every_seed_under_an_id_its_content_decides()
    {
        var plan = SweepPlan.Expand(Spec([new GridAxis("instanceStrategy", ["smallest", "random"])], 1, 2), Activities);
        var again = SweepPlan.Expand(Spec([new GridAxis("instanceStrategy", ["smallest", "random"])], 1, 2), Activities);
        var fewer = SweepPlan.Expand(Spec([new GridAxis("instanceStrategy", ["random"])], 2), Activities);

        Assert.Equal(["smallest/1", "smallest/2", "random/1", "random/2"], plan.Select(r => $"{r.Member.Cell.Value("instanceStrategy")}/{r.Member.Seed}"));
        Assert.Equal(4, plan.Select(r => r.Member.RunId).Distinct().Count());
        Assert.All(plan, r => Assert.Matches("^paper-single-iteration-[0-9a-f]{12}-s[12]$", r.Member.RunId));
        Assert.Equal(plan.Select(r => r.Member.RunId), again.Select(r => r.Member.RunId));
        // A smaller variant of the sweep finds the runs it has in common with the larger one.
        Assert.Equal(plan[3].Member.RunId, Assert.Single(fewer).Member.RunId);
        Assert.Equal("random", plan[3].Parameters["corpusStrategy"]);
    }

    [Fact]
    public void A_value_equal_to_the_default_names_the_same_run()
    {
        var implicitDefault = SweepPlan.Expand(Spec([new GridAxis("keptPairs", ["250"])], 1), Activities);
        var explicitDefault = SweepPlan.Expand(Spec([new GridAxis("keptPairs", ["250"]), new GridAxis("epochs", ["2"])], 1), Activities);
        Assert.Equal(implicitDefault[0].Member.RunId, explicitDefault[0].Member.RunId);
    }

    [Fact]
    public void Bad_cells_are_all_named_before_anything_runs()
    {
        var error = Assert.Throws<InvalidRunRequestException>(() => SweepPlan.Expand(
            Spec([new GridAxis("instanceStrategy", ["smallest", "middle"]), new GridAxis("keptPairs", ["250", "-1"])], 1), Activities));

        Assert.Contains(error.Errors, e => e.StartsWith("cell 'paper instanceStrategy=middle keptPairs=250': parameter 'instanceStrategy'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("cell 'paper instanceStrategy=smallest keptPairs=-1': parameter 'keptPairs'", StringComparison.Ordinal));
        // The cell with both mistakes has two errors.
        Assert.Equal(4, error.Errors.Count);
    }

    [Fact]
    public void An_unknown_parameter_is_named()
    {
        var error = Assert.Throws<InvalidRunRequestException>(() => SweepPlan.Expand(Spec([new GridAxis("strategy", ["smallest"])], 1), Activities));
        Assert.Contains("parameter 'strategy': the definition 'paper-single-iteration' has no such parameter", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}

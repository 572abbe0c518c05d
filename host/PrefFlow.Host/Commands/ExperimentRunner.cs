using System.Diagnostics;
using System.Globalization;
using PrefFlow.Learning.Evaluation;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Pipeline;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Runtime;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Selection;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;
using Spectre.Console;

namespace PrefFlow.Host.Commands;

/// <summary>Runs <c>prefflow experiment</c>: bootstrap, one iteration per strategy, and the results table.</summary>
internal static class ExperimentRunner
{
    public static int Run(ExperimentSettings settings)
    {
        try
        {
            return Execute(settings);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"prefflow: {UserError.Describe(e)}");
            return 2;
        }
    }

    private static int Execute(ExperimentSettings settings)
    {
        settings.Validate();
        var device = TorchRuntime.Resolve(settings.Device, settings.Threads);
        var taskOptions = new TaskOptions();
        var task = new SyntheticTask(taskOptions, Seeds.Derive(settings.Seed, "task"));
        var gold = new GoldRewardModel(new GoldRewardOptions());
        var evaluator = new Evaluator(gold, new SecondJudge(), new ReferenceSystem(new ReferenceSystemOptions()), new EvaluationOptions { MaxNewTokens = taskOptions.MaxResponseTokens });
        var evaluationPrompts = task.Prompts(TaskSplit.Evaluation, settings.EvaluationPrompts);
        var dpo = new DpoOptions { LearningRate = settings.LearningRate, NllWeight = settings.NllWeight, Beta = settings.Beta, Epochs = settings.Epochs };
        var bootstrap = new PolicyBootstrap(new BootstrapOptions { Preset = settings.Preset, Sft = new SftOptions { Steps = settings.SftSteps }, OfflinePrompts = settings.OfflinePrompts, OfflineTraining = dpo }, gold);
        var config = PolicyPresets.Get(settings.Preset, taskOptions);
        AnsiConsole.MarkupLine($"[bold]PrefFlow experiment[/]: preset {settings.Preset} ({config.ParameterCount:N0} parameters), seed {settings.Seed}, device {device.type}, " +
            $"M={settings.Prompts}, N={settings.Responses}, budget {settings.Budget}, DPO lr {settings.LearningRate} beta {settings.Beta} NLL weight {settings.NllWeight}");

        var clock = Stopwatch.StartNew();
        using var reference = Stage("SFT of pi_ref", () => bootstrap.TrainReference(task, settings.Seed, device));
        var (initial, _) = Stage("offline DPO of pi^0", () => bootstrap.TrainInitialPolicy(task, reference, settings.Seed));
        using var _initial = initial;
        var table = new Table().Title("one online iteration from pi^0, per strategy (instance and corpus level)");
        table.AddColumns("model", "no pair", "pairs", "ties", "pref. loss", "reward acc", "rank acc", "gold win", "judge win", "KL", "length", "exact", "seconds");
        ulong evaluationSeed = Seeds.Derive(settings.Seed, "evaluate");
        AddRow(table, "pi_ref (SFT)", null, evaluator.Evaluate(reference, reference, evaluationPrompts, evaluationSeed), 0);
        AddRow(table, "pi^0 (offline DPO)", null, evaluator.Evaluate(initial, reference, evaluationPrompts, evaluationSeed), 0);

        var iterationPrompts = task.Prompts(TaskSplit.Iteration, settings.Prompts);
        foreach (var strategy in settings.Strategies)
        {
            var timer = Stopwatch.StartNew();
            using var policy = initial.Clone();
            var options = new IterationOptions
            {
                Sampling = new SamplingOptions { ResponsesPerPrompt = settings.Responses, MaxNewTokens = taskOptions.MaxResponseTokens },
                InstanceOrder = strategy,
                CorpusOrder = strategy,
                Budget = settings.Budget,
                LengthNormalised = settings.LengthNormalised,
                Training = dpo,
            };
            var result = Stage($"iteration with {Name(strategy)}", () => new OnlineIteration(options, gold).Run(policy, reference, iterationPrompts, Seeds.Derive(settings.Seed, "iteration/1")));
            var report = evaluator.Evaluate(policy, reference, evaluationPrompts, evaluationSeed);
            AddRow(table, $"pi^1 always-{Name(strategy)}", result, report, timer.Elapsed.TotalSeconds);
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"total {clock.Elapsed.TotalSeconds:F0} s. Win rates: against the reference system's answers, ties count 1/2.");
        return 0;
    }

    private static T Stage<T>(string name, Func<T> work)
    {
        var timer = Stopwatch.StartNew();
        AnsiConsole.MarkupLine($"[grey]... {name}[/]");
        var result = work();
        AnsiConsole.MarkupLine($"[grey]    done in {timer.Elapsed.TotalSeconds:F1} s[/]");
        return result;
    }

    private static void AddRow(Table table, string model, IterationResult? iteration, EvaluationReport report, double seconds)
    {
        static string F(double value, string format = "F3") => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
        table.AddRow(model,
            iteration is null ? "-" : $"{iteration.PromptsWithoutDistinctPair}",
            iteration is null ? "-" : $"{iteration.PairsSelected - iteration.TiesDropped}",
            iteration is null ? "-" : $"{iteration.Ties}",
            iteration is null ? "-" : F(iteration.Training.PreferenceLoss),
            iteration is null ? "-" : F(iteration.Training.RewardAccuracy),
            iteration is null ? "-" : F(iteration.Selected.RankingAccuracy),
            F(report.GoldWinRate), F(report.JudgeWinRate), F(report.KlToReference), F(report.MeanLength, "F2"), F(report.ExactMatch), seconds == 0 ? "-" : F(seconds, "F0"));
    }

    private static string Name(MarginOrder order) => order.ToString().ToLowerInvariant();
}

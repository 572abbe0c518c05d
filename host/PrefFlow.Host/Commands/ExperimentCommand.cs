using System.CommandLine;
using System.CommandLine.Parsing;
using PrefFlow.Learning.Selection;

namespace PrefFlow.Host.Commands;

/// <summary>
/// <c>prefflow experiment</c>: the paper's single-iteration comparison on the built-in backend. Trains
/// pi_ref (SFT) and pi^0 (offline DPO), then runs one online iteration from pi^0 per selection strategy
/// and prints a table of the results.
/// </summary>
internal static class ExperimentCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset") { Description = "Model size preset (see 'prefflow presets').", DefaultValueFactory = _ => "tiny" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 1 };
        var prompts = new Option<int>("--prompts") { Description = "Prompts sampled in the iteration (M).", DefaultValueFactory = _ => 1000 };
        var responses = new Option<int>("--responses") { Description = "Responses per prompt (N).", DefaultValueFactory = _ => 8 };
        var budget = new Option<SelectionBudget>("--budget")
        {
            Description = "Pairs kept by corpus-level selection: a count (500) or a fraction (50%).",
            DefaultValueFactory = _ => SelectionBudget.Fraction(0.5),
            CustomParser = r => ParseOrError(r, SelectionBudget.Parse),
        };
        var strategies = new Option<MarginOrder[]>("--strategies")
        {
            Description = "Comma-separated margin strategies, applied at both levels: smallest, largest, random.",
            DefaultValueFactory = _ => [MarginOrder.Smallest, MarginOrder.Random, MarginOrder.Largest],
            CustomParser = r => ParseOrError(r, ParseStrategies),
        };
        var normalised = new Option<bool>("--length-normalised") { Description = "Rank length-normalised implicit rewards (paper equation 6)." };
        var sftSteps = new Option<int>("--sft-steps") { Description = "SFT updates for pi_ref (batch 128).", DefaultValueFactory = _ => 600 };
        var offline = new Option<int>("--offline-prompts") { Description = "Prompts of the offline labelled set for pi^0.", DefaultValueFactory = _ => 2000 };
        var evaluation = new Option<int>("--eval-prompts") { Description = "Held-out prompts for win rates.", DefaultValueFactory = _ => 500 };
        var learningRate = new Option<double>("--lr") { Description = "DPO learning rate.", DefaultValueFactory = _ => 3e-5 };
        var nllWeight = new Option<double>("--nll-weight") { Description = "Weight of the NLL term on chosen responses (RPO); 0 is plain DPO.", DefaultValueFactory = _ => 1.0 };
        var beta = new Option<double>("--beta") { Description = "DPO beta.", DefaultValueFactory = _ => 0.1 };
        var epochs = new Option<int>("--epochs") { Description = "DPO epochs.", DefaultValueFactory = _ => 2 };
        var device = new Option<string>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for torch (default: all cores)." };

        var command = new Command("experiment", "Run the paper's single-iteration strategy comparison on the built-in backend and print a results table.")
        {
            preset, seed, prompts, responses, budget, strategies, normalised, sftSteps, offline, evaluation, learningRate, nllWeight, beta, epochs, device, threads,
        };
        command.SetAction(result => ExperimentRunner.Run(new ExperimentSettings(
            result.GetValue(preset)!, result.GetValue(seed), result.GetValue(prompts), result.GetValue(responses), result.GetValue(budget),
            result.GetValue(strategies)!, result.GetValue(normalised), result.GetValue(sftSteps), result.GetValue(offline),
            result.GetValue(evaluation), result.GetValue(learningRate), result.GetValue(nllWeight), result.GetValue(beta), result.GetValue(epochs),
            result.GetValue(device)!, result.GetValue(threads))));
        return command;
    }

    private static MarginOrder[] ParseStrategies(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
            Enum.TryParse<MarginOrder>(s, ignoreCase: true, out var order) && Enum.IsDefined(order)
                ? order
                : throw new FormatException($"unknown strategy '{s}': expected smallest, largest or random"))];

    private static T ParseOrError<T>(ArgumentResult result, Func<string, T> parse)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        try { return parse(text); }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            string option = result.Parent is OptionResult { Option: var o } ? o.Name : "argument";
            result.AddError($"{option}: {e.Message}");
            return default!;
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PrefFlow.Host.Hosting;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Sweeps;

/// <summary>
/// Expands a sweep into its runs, checking every definition and every cell's parameters before anything runs.
/// A run's id is a hash of its definition's text, its resolved parameters (defaults included) and its seed: rerunning
/// a sweep finds the runs it made before, a quick and a full variant share the runs they have in common, and two
/// sweeps asking for the same run share it.
/// </summary>
internal static class SweepPlan
{
    /// <exception cref="UserInputException">A definition cannot be read.</exception>
    /// <exception cref="InvalidRunRequestException">A definition is invalid or a cell's parameters do not fit it.</exception>
    public static IReadOnlyList<PlannedRun> Expand(SweepSpec spec, IActivityCatalog activities)
    {
        var definitions = new Dictionary<string, (string Json, WorkflowDefinition Definition)>(StringComparer.Ordinal);
        var cells = new List<(SweepCell Cell, string Json, WorkflowDefinition Definition, Dictionary<string, string> Parameters, string Resolved)>();
        var errors = new List<string>();
        foreach (SweepArm arm in spec.Arms)
        {
            if (!definitions.TryGetValue(arm.Definition, out var loaded))
            {
                string json = DefinitionSource.Read(arm.Definition);
                DefinitionReadResult result = DefinitionLoader.Load(json, activities);
                if (!result.Succeeded) throw new InvalidRunRequestException(result.Errors.Select(e => $"definition '{arm.Definition}': {e}").ToList());
                definitions[arm.Definition] = loaded = (json, result.Definition!);
            }
            foreach (IReadOnlyList<KeyValuePair<string, string>> point in spec.Points())
            {
                var parameters = new Dictionary<string, string>(arm.Parameters, StringComparer.Ordinal);
                foreach ((string key, string value) in point) parameters[key] = value;
                var cell = new SweepCell(arm.Label, point);
                try
                {
                    JsonObject resolved = ParameterValues.Resolve(loaded.Definition, parameters);
                    cells.Add((cell, loaded.Json, loaded.Definition, parameters, resolved.ToJsonString()));
                }
                catch (InvalidRunRequestException invalid)
                {
                    errors.AddRange(invalid.Errors.Select(e => $"cell '{cell.Label}': {e}"));
                }
            }
        }
        if (errors.Count > 0) throw new InvalidRunRequestException(errors.Distinct().ToList());
        // Cell by cell, each with every seed: runs executing at once then mostly have different seeds, so they do not
        // wait for each other's shared work (pi_ref, pi^0, sampling), which is shared only within a seed.
        return [.. cells.SelectMany(c => spec.Seeds.Select(seed =>
            new PlannedRun(new SweepMember(c.Cell, seed, RunId(c.Definition.Id, c.Json, c.Resolved, seed)), c.Json, c.Parameters)))];
    }

    private static string RunId(string definitionId, string json, string resolvedParameters, ulong seed)
    {
        string seedText = seed.ToString(CultureInfo.InvariantCulture);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{json}\n{resolvedParameters}\n{seedText}"));
        string prefix = definitionId.Length > 28 ? definitionId[..28].TrimEnd('-') : definitionId;
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..12]}-s{seedText}";
    }
}

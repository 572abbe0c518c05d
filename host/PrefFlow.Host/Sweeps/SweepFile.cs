using System.Globalization;
using System.Text.Json;
using PrefFlow.Host.Hosting;

namespace PrefFlow.Host.Sweeps;

/// <summary>
/// Reads a sweep file: a JSON object with "name", "description", either "definition" (+ "parameters") or "arms"
/// (each "label", "definition", "parameters"), "grid" (parameter to list of values), "seeds" (a count, meaning
/// 1..n, or a list), "metrics", "plot" ({"x", "series"}), "contrast" ({"parameter", "baseline"}) and "quick" (overrides of "grid", "seeds" and "parameters"
/// for a short sanity run). Unknown fields are errors, so that a typo never silently runs the wrong experiment.
/// </summary>
internal static class SweepFile
{
    private static readonly string[] Fields = ["$schema", "name", "description", "definition", "parameters", "arms", "grid", "seeds", "metrics", "plot", "contrast", "quick"];
    private static readonly string[] QuickFields = ["grid", "seeds", "parameters"];

    /// <summary>Whether the file holds a sweep (it has "arms" or "grid"), not a workflow definition.</summary>
    public static bool IsSweep(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object && !document.RootElement.TryGetProperty("nodes", out _)
                && (document.RootElement.TryGetProperty("arms", out _) || document.RootElement.TryGetProperty("grid", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <exception cref="UserInputException">The file is missing, not JSON, or a field is wrong (named with the file).</exception>
    public static SweepSpec Read(string path, bool quick)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"sweep file '{path}' cannot be read: {error.Message}");
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new UserInputException($"sweep file '{path}' is not valid JSON: {error.Message}");
        }
        return new Reader(path).Read(root, quick);
    }

    private sealed class Reader(string path)
    {
        private readonly string _folder = Path.GetDirectoryName(Path.GetFullPath(path))!;

        public SweepSpec Read(JsonElement root, bool quick)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Error("", "must be a JSON object");
            CheckFields(root, Fields, "");
            string name = root.TryGetProperty("name", out JsonElement n) ? String(n, "name") : Path.GetFileNameWithoutExtension(path);
            SweepNames.Check(name, $"sweep file '{path}': field 'name'");
            string description = root.TryGetProperty("description", out JsonElement d) ? String(d, "description") : "";
            var parameters = root.TryGetProperty("parameters", out JsonElement p) ? Settings(p, "parameters") : new Dictionary<string, string>();
            List<GridAxis> grid = root.TryGetProperty("grid", out JsonElement g) ? Grid(g, "grid") : [];
            IReadOnlyList<ulong> seeds = root.TryGetProperty("seeds", out JsonElement s) ? Seeds(s, "seeds") : [1];
            if (quick)
            {
                if (!root.TryGetProperty("quick", out JsonElement q)) throw Error("quick", "is missing, so the sweep has no --quick variant");
                if (q.ValueKind != JsonValueKind.Object) throw Error("quick", "must be an object");
                CheckFields(q, QuickFields, "quick.");
                if (q.TryGetProperty("seeds", out JsonElement qs)) seeds = Seeds(qs, "quick.seeds");
                if (q.TryGetProperty("parameters", out JsonElement qp)) foreach ((string key, string value) in Settings(qp, "quick.parameters")) parameters[key] = value;
                if (q.TryGetProperty("grid", out JsonElement qg))
                {
                    foreach (GridAxis axis in Grid(qg, "quick.grid"))
                    {
                        int index = grid.FindIndex(a => a.Parameter == axis.Parameter);
                        if (index < 0) throw Error($"quick.grid.{axis.Parameter}", "names no axis of 'grid'");
                        grid[index] = axis;
                    }
                }
            }
            IReadOnlyList<SweepArm> arms = Arms(root, parameters);
            IReadOnlyList<string> metrics = root.TryGetProperty("metrics", out JsonElement m) ? Strings(m, "metrics") : [];
            SweepPlot plot = root.TryGetProperty("plot", out JsonElement pl) ? Plot(pl) : new SweepPlot(null, null);
            SweepContrast? contrast = root.TryGetProperty("contrast", out JsonElement c) ? Contrast(c, grid, arms) : null;
            return new SweepSpec(name, description, arms, grid, seeds, metrics, plot, contrast);
        }

        private List<SweepArm> Arms(JsonElement root, IReadOnlyDictionary<string, string> shared)
        {
            bool hasDefinition = root.TryGetProperty("definition", out JsonElement definition);
            bool hasArms = root.TryGetProperty("arms", out JsonElement arms);
            if (hasDefinition == hasArms) throw Error("definition", "give either 'definition' or 'arms', not both or neither");
            if (hasDefinition)
            {
                string name = String(definition, "definition");
                return [new SweepArm(Path.GetFileNameWithoutExtension(name), Resolve(name), shared)];
            }
            if (arms.ValueKind != JsonValueKind.Array || arms.GetArrayLength() == 0) throw Error("arms", "must be a non-empty array");
            var result = new List<SweepArm>();
            int index = 0;
            foreach (JsonElement arm in arms.EnumerateArray())
            {
                string field = $"arms[{index++}]";
                if (arm.ValueKind != JsonValueKind.Object) throw Error(field, "must be an object");
                CheckFields(arm, ["label", "definition", "parameters"], field + ".");
                if (!arm.TryGetProperty("definition", out JsonElement armDefinition)) throw Error(field + ".definition", "is missing");
                string name = String(armDefinition, field + ".definition");
                string label = arm.TryGetProperty("label", out JsonElement l) ? String(l, field + ".label") : Path.GetFileNameWithoutExtension(name);
                var parameters = new Dictionary<string, string>(shared, StringComparer.Ordinal);
                if (arm.TryGetProperty("parameters", out JsonElement p)) foreach ((string key, string value) in Settings(p, field + ".parameters")) parameters[key] = value;
                if (result.Any(a => a.Label == label)) throw Error(field + ".label", $"'{label}' is used by two arms");
                result.Add(new SweepArm(label, Resolve(name), parameters));
            }
            return result;
        }

        // A path is relative to the sweep file; a bare name stays a built-in definition's name.
        private string Resolve(string definition)
        {
            string relative = Path.Combine(_folder, definition);
            return File.Exists(relative) ? relative : definition;
        }

        private SweepPlot Plot(JsonElement plot)
        {
            if (plot.ValueKind != JsonValueKind.Object) throw Error("plot", "must be an object");
            CheckFields(plot, ["x", "series"], "plot.");
            string? x = plot.TryGetProperty("x", out JsonElement xe) ? String(xe, "plot.x") : null;
            IReadOnlyList<string>? series = plot.TryGetProperty("series", out JsonElement se) ? Strings(se, "plot.series") : null;
            return new SweepPlot(x, series);
        }

        private SweepContrast Contrast(JsonElement contrast, IReadOnlyList<GridAxis> grid, IReadOnlyList<SweepArm> arms)
        {
            if (contrast.ValueKind != JsonValueKind.Object) throw Error("contrast", "must be an object with 'parameter' and 'baseline'");
            CheckFields(contrast, ["parameter", "baseline"], "contrast.");
            if (!contrast.TryGetProperty("parameter", out JsonElement p)) throw Error("contrast.parameter", "is missing");
            if (!contrast.TryGetProperty("baseline", out JsonElement b)) throw Error("contrast.baseline", "is missing");
            string parameter = String(p, "contrast.parameter");
            string baseline = Scalar(b, "contrast.baseline");
            IReadOnlyList<string>? values = parameter == "arm" ? [.. arms.Select(a => a.Label)] : grid.FirstOrDefault(a => a.Parameter == parameter)?.Values;
            if (values is null) throw Error("contrast.parameter", $"'{parameter}' is neither 'arm' nor a grid parameter");
            if (!values.Contains(baseline, StringComparer.Ordinal)) throw Error("contrast.baseline", $"'{baseline}' is not one of {parameter}'s values ({string.Join(", ", values)})");
            return new SweepContrast(parameter, baseline);
        }

        private List<GridAxis> Grid(JsonElement grid, string field)
        {
            if (grid.ValueKind != JsonValueKind.Object) throw Error(field, "must be an object of parameter name to a list of values");
            var axes = new List<GridAxis>();
            foreach (JsonProperty axis in grid.EnumerateObject())
            {
                if (axis.Value.ValueKind != JsonValueKind.Array || axis.Value.GetArrayLength() == 0) throw Error($"{field}.{axis.Name}", "must be a non-empty list of values");
                var values = axis.Value.EnumerateArray().Select((value, i) => Scalar(value, $"{field}.{axis.Name}[{i}]")).ToList();
                if (values.Distinct(StringComparer.Ordinal).Count() != values.Count) throw Error($"{field}.{axis.Name}", "lists a value twice");
                axes.Add(new GridAxis(axis.Name, values));
            }
            return axes;
        }

        private Dictionary<string, string> Settings(JsonElement settings, string field)
        {
            if (settings.ValueKind != JsonValueKind.Object) throw Error(field, "must be an object of parameter name to value");
            return settings.EnumerateObject().ToDictionary(p => p.Name, p => Scalar(p.Value, $"{field}.{p.Name}"), StringComparer.Ordinal);
        }

        private IReadOnlyList<ulong> Seeds(JsonElement seeds, string field)
        {
            if (seeds.ValueKind == JsonValueKind.Number)
            {
                if (!seeds.TryGetInt32(out int count) || count < 1) throw Error(field, "must be a count of at least 1 or a list of seeds");
                return SweepSeeds.Count(count, 1);
            }
            if (seeds.ValueKind != JsonValueKind.Array || seeds.GetArrayLength() == 0) throw Error(field, "must be a count of at least 1 or a list of seeds");
            var list = seeds.EnumerateArray().Select((seed, i) =>
                seed.ValueKind == JsonValueKind.Number && seed.TryGetUInt64(out ulong value) ? value : throw Error($"{field}[{i}]", "must be a non-negative integer")).ToList();
            if (list.Distinct().Count() != list.Count) throw Error(field, "lists a seed twice");
            return list;
        }

        private IReadOnlyList<string> Strings(JsonElement list, string field)
        {
            if (list.ValueKind != JsonValueKind.Array) throw Error(field, "must be a list of strings");
            return list.EnumerateArray().Select((item, i) => String(item, $"{field}[{i}]")).ToList();
        }

        private string String(JsonElement value, string field) =>
            value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : throw Error(field, "must be a non-empty string");

        // Values as the command line gives them: strings as they are, numbers and booleans as JSON text.
        private string Scalar(JsonElement value, string field) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw Error(field, "must be a string, a number or a boolean"),
        };

        private void CheckFields(JsonElement element, string[] known, string prefix)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error(prefix + property.Name, $"is not a field of a sweep file; expected one of: {string.Join(", ", known.Where(k => k != "$schema"))}");
                }
            }
        }

        private UserInputException Error(string field, string problem) =>
            new(field.Length == 0 ? $"sweep file '{path}' {problem}." : $"sweep file '{path}': field '{field}' {problem}.");
    }
}

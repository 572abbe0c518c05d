using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Tasks;

/// <summary>
/// Everything that defines the synthetic task and its judges: the seed, the task's shape, the gold
/// reward model and the reference system. The <c>task</c> activity writes it as JSON; every other activity
/// rebuilds the same <see cref="SyntheticTask"/>, <see cref="GoldRewardModel"/>, <see cref="SecondJudge"/> and
/// <see cref="ReferenceSystem"/> from it. The seed is written as a decimal string, as JSON numbers lose
/// precision above 2^53 in many readers.
/// </summary>
public sealed record TaskDefinition(ulong Seed, TaskOptions Task, GoldRewardOptions GoldReward, ReferenceSystemOptions ReferenceSystem)
{
    /// <summary>The value of the JSON's "format" field.</summary>
    public const string Format = "prefflow.task";

    /// <summary>The JSON layout's version.</summary>
    public const int FormatVersion = 1;

    /// <summary>The task itself.</summary>
    public SyntheticTask CreateTask() => new(Task, Seed);

    /// <summary>The gold reward model (annotator and main judge).</summary>
    public GoldRewardModel CreateGoldRewardModel() => new(GoldReward);

    /// <summary>The reference system whose answers win rates compare against.</summary>
    public ReferenceSystem CreateReferenceSystem() => new(ReferenceSystem);

    /// <summary>The JSON form (UTF-8, indented); the same definition always gives the same bytes.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("seed", Seed.ToString(CultureInfo.InvariantCulture));
            writer.WriteStartObject("task");
            writer.WriteNumber("minDigits", Task.MinDigits);
            writer.WriteNumber("maxDigits", Task.MaxDigits);
            writer.WriteStartArray("kinds");
            foreach (var kind in Task.Kinds) writer.WriteStringValue(kind.ToString().ToLowerInvariant());
            writer.WriteEndArray();
            writer.WriteNumber("demonstrationNoise", Task.DemonstrationNoise);
            writer.WriteNumber("slipRate", Task.SlipRate);
            writer.WriteNumber("maxResponseTokens", Task.MaxResponseTokens);
            writer.WriteEndObject();
            writer.WriteStartObject("goldReward");
            writer.WriteNumber("lengthBias", GoldReward.LengthBias);
            writer.WriteNumber("unterminatedPenalty", GoldReward.UnterminatedPenalty);
            writer.WriteNumber("labelNoise", GoldReward.LabelNoise);
            writer.WriteEndObject();
            writer.WriteStartObject("referenceSystem");
            writer.WriteNumber("errorRate", ReferenceSystem.ErrorRate);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads the JSON form written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">It is not a task definition, or an option is out of range; the message says which.</exception>
    public static TaskDefinition Parse(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(Encoding.UTF8.GetString(json)) as JsonObject ?? throw new InvalidDataException("it is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"it is not valid JSON ({e.Message})", e);
        }
        string format = Text(root, "format");
        if (format != Format) throw new InvalidDataException($"its format is '{format}', not '{Format}'");
        int version = Integer(root, "formatVersion");
        if (version != FormatVersion) throw new InvalidDataException($"it has format version {version}; this PrefFlow reads version {FormatVersion}");
        if (!ulong.TryParse(Text(root, "seed"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
        {
            throw new InvalidDataException("its 'seed' is not a whole number from 0 to 18446744073709551615");
        }
        var task = Section(root, "task");
        var gold = Section(root, "goldReward");
        var reference = Section(root, "referenceSystem");
        var definition = new TaskDefinition(
            seed,
            new TaskOptions
            {
                MinDigits = Integer(task, "minDigits"),
                MaxDigits = Integer(task, "maxDigits"),
                Kinds = Kinds(task),
                DemonstrationNoise = Number(task, "demonstrationNoise"),
                SlipRate = Number(task, "slipRate"),
                MaxResponseTokens = Integer(task, "maxResponseTokens"),
            },
            new GoldRewardOptions
            {
                LengthBias = Number(gold, "lengthBias"),
                UnterminatedPenalty = Number(gold, "unterminatedPenalty"),
                LabelNoise = Number(gold, "labelNoise"),
            },
            new ReferenceSystemOptions { ErrorRate = Number(reference, "errorRate") });
        try
        {
            definition.Task.Validate();
            definition.GoldReward.Validate();
            definition.ReferenceSystem.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"it holds an invalid option: {e.Message}", e);
        }
        return definition;
    }

    /// <summary>Parses a comma-separated list of instruction kinds, e.g. "copy,reverse"; null with a reason when one is unknown.</summary>
    public static IReadOnlyList<InstructionKind>? TryParseKinds(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kinds = new List<InstructionKind>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse(part, ignoreCase: true, out InstructionKind kind) || !Enum.IsDefined(kind) || char.IsDigit(part[0]))
            {
                error = $"'{part}' is not an instruction kind: expected {string.Join(", ", Enum.GetNames<InstructionKind>().Select(n => n.ToLowerInvariant()))}";
                return null;
            }
            if (kinds.Contains(kind))
            {
                error = $"'{part}' appears twice";
                return null;
            }
            kinds.Add(kind);
        }
        error = kinds.Count == 0 ? "at least one instruction kind is needed" : null;
        return error is null ? kinds : null;
    }

    private static IReadOnlyList<InstructionKind> Kinds(JsonObject task)
    {
        if (task["kinds"] is not JsonArray array || array.Any(k => k is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            throw new InvalidDataException("its 'task.kinds' must be an array of strings");
        }
        return TryParseKinds(string.Join(',', array.Select(k => k!.GetValue<string>())), out string? error)
            ?? throw new InvalidDataException($"its 'task.kinds' is not valid: {error}");
    }

    private static JsonObject Section(JsonObject root, string name) =>
        root[name] as JsonObject ?? throw new InvalidDataException($"it lacks the object '{name}'");

    private static string Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw new InvalidDataException($"it lacks the string '{name}'");

    private static int Integer(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int result) ? result : throw new InvalidDataException($"it lacks the whole number '{name}'");

    private static double Number(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out double result) ? result : throw new InvalidDataException($"it lacks the number '{name}'");
}

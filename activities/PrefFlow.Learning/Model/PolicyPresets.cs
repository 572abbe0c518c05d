using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Model;

/// <summary>
/// Named model sizes. <c>tiny</c> trains on a laptop CPU in minutes; the larger ones are for a GPU.
/// </summary>
public static class PolicyPresets
{
    private static readonly Dictionary<string, (int Layers, int Heads, int Width)> Shapes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tiny"] = (4, 4, 128),
        ["small"] = (6, 8, 256),
        ["medium"] = (8, 8, 512),
        ["large"] = (12, 12, 768),
    };

    /// <summary>The preset names, smallest first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Shapes.Keys];

    /// <summary>The configuration of preset <paramref name="name"/> for a task of the given shape.</summary>
    public static PolicyConfig Get(string name, TaskOptions task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!Shapes.TryGetValue(name ?? "", out var shape))
        {
            throw new ArgumentException($"unknown model preset '{name}': expected one of {string.Join(", ", Names)}", nameof(name));
        }
        return new PolicyConfig
        {
            VocabularySize = Vocabulary.Size,
            ContextLength = task.MaxPromptTokens + task.MaxResponseTokens,
            Layers = shape.Layers,
            Heads = shape.Heads,
            EmbeddingSize = shape.Width,
        };
    }
}

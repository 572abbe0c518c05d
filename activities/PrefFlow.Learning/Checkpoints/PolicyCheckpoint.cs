using System.Text.Json;
using PrefFlow.Learning.Model;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Checkpoints;

/// <summary>
/// Saves and loads a <see cref="TransformerPolicy"/> as a safetensors file whose metadata carries the
/// format name and version and the model's configuration, so the file alone rebuilds the model.
/// </summary>
public static class PolicyCheckpoint
{
    /// <summary>The format name written into every policy checkpoint.</summary>
    public const string Format = "prefflow.policy";

    /// <summary>The current format version; files of other versions are refused.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes the policy's weights and configuration to <paramref name="path"/>.</summary>
    public static void Save(TransformerPolicy policy, string path)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var tensors = policy.named_parameters().Select(p => NamedTensor.From(p.name, p.parameter)).ToList();
        SafeTensorsFile.Write(path, tensors, new Dictionary<string, string>
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["config"] = JsonSerializer.Serialize(policy.Config),
        });
    }

    /// <summary>Loads a policy saved by <see cref="Save"/> onto <paramref name="device"/>.</summary>
    /// <exception cref="CheckpointException">The file is missing, altered, truncated or of another format.</exception>
    public static TransformerPolicy Load(string path, Device? device = null)
    {
        var (tensors, metadata) = SafeTensorsFile.Read(path);
        CheckFormat(path, metadata, Format, FormatVersion);
        PolicyConfig config;
        try
        {
            config = JsonSerializer.Deserialize<PolicyConfig>(metadata.GetValueOrDefault("config") ?? "")
                ?? throw new JsonException("null configuration");
            config.Validate();
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new CheckpointException(path, $"has an unreadable model configuration ({e.Message})");
        }
        var policy = new TransformerPolicy(config, seed: 0, device);
        Assign(path, policy, tensors);
        return policy;
    }

    /// <summary>Copies stored weights into <paramref name="policy"/>, requiring names and shapes to match exactly.</summary>
    internal static void Assign(string path, TransformerPolicy policy, IReadOnlyDictionary<string, NamedTensor> tensors)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in policy.named_parameters())
        {
            if (!tensors.TryGetValue(name, out var stored)) throw new CheckpointException(path, $"lacks weight '{name}'");
            if (!stored.Shape.SequenceEqual(parameter.shape))
            {
                throw new CheckpointException(path, $"weight '{name}' has shape [{string.Join(',', stored.Shape)}], the model expects [{string.Join(',', parameter.shape)}]");
            }
            using var value = stored.ToTensor(parameter.device);
            parameter.copy_(value);
        }
    }

    /// <summary>Refuses a file whose metadata names another format or version.</summary>
    internal static void CheckFormat(string path, IReadOnlyDictionary<string, string> metadata, string format, int version)
    {
        string found = metadata.GetValueOrDefault("format") ?? "(none)";
        if (found != format) throw new CheckpointException(path, $"is a '{found}' file, not a '{format}' checkpoint");
        string foundVersion = metadata.GetValueOrDefault("format_version") ?? "(none)";
        if (foundVersion != version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new CheckpointException(path, $"has format version {foundVersion}; this PrefFlow reads version {version}");
        }
    }
}

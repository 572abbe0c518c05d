using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// One node's outputs: names, in the order they were added, each with the blob that holds it. A name matches
/// ^[a-z][a-z0-9_.-]{0,63}$. The JSON form is
/// <c>{"version": 1, "artifacts": {"model": {"sha256": "…", "length": 5, "mediaType": "…"}}}</c>.
/// </summary>
public sealed class ArtifactManifest : IReadOnlyCollection<KeyValuePair<string, ArtifactRef>>
{
    /// <summary>The version of the JSON form that <see cref="ToJson"/> writes and <see cref="Parse"/> reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 64;

    private readonly List<string> _names = [];
    private readonly Dictionary<string, ArtifactRef> _references = new(StringComparer.Ordinal);

    /// <summary>The number of entries.</summary>
    public int Count => _names.Count;

    /// <summary>The names in the order they were added.</summary>
    public IReadOnlyList<string> Names => _names.AsReadOnly();

    /// <summary>The blob named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The manifest has no entry <paramref name="name"/>.</exception>
    public ArtifactRef this[string name] =>
        _references.TryGetValue(name, out ArtifactRef reference)
            ? reference
            : throw new KeyNotFoundException($"the artifact manifest has no entry \"{name}\"; it has {Describe(_names)}.");

    /// <summary>Whether the manifest has an entry <paramref name="name"/>.</summary>
    public bool Contains(string name) => _references.ContainsKey(name);

    /// <summary>The blob named <paramref name="name"/>, if there is one.</summary>
    public bool TryGetValue(string name, out ArtifactRef reference) => _references.TryGetValue(name, out reference);

    /// <summary>Adds the entry <paramref name="name"/> after the others.</summary>
    /// <exception cref="ArgumentException">The name is not valid or already taken, or the reference is <c>default</c>.</exception>
    public void Add(string name, ArtifactRef reference)
    {
        if (NameError(name) is { } error) throw new ArgumentException(error, nameof(name));
        if (!ArtifactRef.IsValidHash(reference.Sha256))
        {
            throw new ArgumentException($"the artifact manifest entry \"{name}\" has an empty reference (default ArtifactRef).", nameof(reference));
        }
        if (!_references.TryAdd(name, reference))
        {
            throw new ArgumentException($"the artifact manifest already has an entry \"{name}\".", nameof(name));
        }
        _names.Add(name);
    }

    /// <summary>Whether <paramref name="name"/> matches ^[a-z][a-z0-9_.-]{0,63}$.</summary>
    public static bool IsValidName(string? name) => name is not null && NameError(name) is null;

    /// <summary>The manifest as indented JSON with "\n" line ends, entries in order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartObject("artifacts");
            foreach (string name in _names)
            {
                ArtifactRef reference = _references[name];
                writer.WriteStartObject(name);
                writer.WriteString("sha256", reference.Sha256);
                writer.WriteNumber("length", reference.Length);
                writer.WriteString("mediaType", reference.MediaType);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>; unknown properties are errors.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed or not a manifest; the message names the bad entry.</exception>
    public static ArtifactManifest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"the artifact manifest is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Error($"the artifact manifest must be a JSON object, but it is {Kind(root)}.");
            JsonElement? version = null, artifacts = null;
            foreach (JsonProperty property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "version" when version is null: version = property.Value; break;
                    case "artifacts" when artifacts is null: artifacts = property.Value; break;
                    case "version" or "artifacts": throw Error($"the artifact manifest has \"{property.Name}\" twice.");
                    default: throw Error($"the artifact manifest has an unknown property \"{property.Name}\": expected \"version\" and \"artifacts\".");
                }
            }
            if (version is not { ValueKind: JsonValueKind.Number } v || !v.TryGetInt32(out int number) || number != FormatVersion)
            {
                throw Error(version is null
                    ? $"the artifact manifest has no \"version\": expected {FormatVersion}."
                    : $"the artifact manifest has version {version.Value.GetRawText()}, but only version {FormatVersion} is supported.");
            }
            if (artifacts is not { ValueKind: JsonValueKind.Object } entries)
            {
                throw Error(artifacts is null
                    ? "the artifact manifest has no \"artifacts\" object."
                    : $"the artifact manifest's \"artifacts\" must be an object, but it is {Kind(artifacts.Value)}.");
            }
            var manifest = new ArtifactManifest();
            foreach (JsonProperty entry in entries.EnumerateObject())
            {
                if (NameError(entry.Name) is { } nameError) throw Error(nameError);
                if (manifest.Contains(entry.Name)) throw Error($"the artifact manifest has the entry \"{entry.Name}\" twice.");
                manifest.Add(entry.Name, ReadReference(entry.Name, entry.Value));
            }
            return manifest;
        }
    }

    /// <summary>
    /// Verifies every entry's blob in <paramref name="store"/> (see <see cref="IArtifactStore.VerifyAsync"/>) and
    /// returns the names, in order, whose blobs are missing or corrupt; empty when every output is intact.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public async Task<IReadOnlyList<string>> VerifyAllAsync(IArtifactStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var bad = new List<string>();
        foreach (string name in _names)
        {
            try
            {
                await store.VerifyAsync(_references[name], cancellationToken).ConfigureAwait(false);
            }
            catch (ArtifactCorruptedException)
            {
                bad.Add(name);
            }
        }
        return bad;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, ArtifactRef>> GetEnumerator()
    {
        foreach (string name in _names) yield return new(name, _references[name]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ArtifactRef ReadReference(string name, JsonElement value)
    {
        string at = $"the artifact manifest entry \"{name}\"";
        if (value.ValueKind != JsonValueKind.Object) throw Error($"{at} must be an object, but it is {Kind(value)}.");
        string? sha256 = null, mediaType = null;
        long? length = null;
        foreach (JsonProperty property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "sha256" when sha256 is null:
                    sha256 = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : throw Error($"{at} has a \"sha256\" that is {Kind(property.Value)}, not a string.");
                    break;
                case "length" when length is null:
                    length = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out long l) && l >= 0
                        ? l
                        : throw Error($"{at} has a \"length\" of {property.Value.GetRawText()}: expected a whole number of bytes, 0 or more.");
                    break;
                case "mediaType" when mediaType is null:
                    mediaType = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : throw Error($"{at} has a \"mediaType\" that is {Kind(property.Value)}, not a string.");
                    break;
                case "sha256" or "length" or "mediaType":
                    throw Error($"{at} has \"{property.Name}\" twice.");
                default:
                    throw Error($"{at} has an unknown property \"{property.Name}\": expected \"sha256\", \"length\" and \"mediaType\".");
            }
        }
        if (sha256 is null || length is null || mediaType is null)
        {
            string missing = sha256 is null ? "sha256" : length is null ? "length" : "mediaType";
            throw Error($"{at} has no \"{missing}\".");
        }
        try
        {
            return new ArtifactRef(sha256, length.Value, mediaType);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{at} is not valid: {e.Message}", e);
        }
    }

    private static string? NameError(string? name)
    {
        if (name is null) return "an artifact manifest entry name cannot be null.";
        bool valid = name.Length is > 0 and <= MaxNameLength && name[0] is >= 'a' and <= 'z'
            && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.' or '-');
        if (valid) return null;
        string shown = name.Length <= 80 ? name : name[..80] + "...";
        return $"the artifact manifest entry name \"{shown}\" is not valid: a name starts with a lower-case letter, " +
            $"then has at most {MaxNameLength - 1} lower-case letters, digits, '_', '.' or '-'.";
    }

    private static FormatException Error(string message) => new(message);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Describe(List<string> names) =>
        names.Count == 0 ? "no entries" : "the entries " + string.Join(", ", names.Select(n => $"\"{n}\""));
}

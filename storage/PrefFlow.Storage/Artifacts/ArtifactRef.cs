using System.Globalization;

namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// A stored blob, named by the SHA-256 of its content: 64 lower-case hex digits, its length in bytes and its
/// media type. Stores build blob names from the hash alone, so a reference can never name a path outside the store.
/// The media type describes the reference, not the blob's identity: the same bytes under two media types are one blob.
/// </summary>
public readonly record struct ArtifactRef
{
    /// <summary>The number of hex digits in a SHA-256 hash.</summary>
    public const int HashLength = 64;

    /// <summary>The longest media type accepted.</summary>
    public const int MaxMediaTypeLength = 255;

    private readonly string _sha256;
    private readonly long _length;
    private readonly string _mediaType;

    /// <summary>A reference to the blob whose content hashes to <paramref name="sha256"/>.</summary>
    /// <exception cref="ArgumentException">The hash is not 64 lower-case hex digits, the length is negative or the media type is not valid.</exception>
    public ArtifactRef(string sha256, long length, string mediaType)
    {
        _sha256 = ThrowIfInvalidHash(sha256);
        _length = ThrowIfInvalidLength(length);
        _mediaType = ThrowIfInvalidMediaType(mediaType);
    }

    /// <summary>The SHA-256 of the content as 64 lower-case hex digits; null only for <c>default</c>.</summary>
    public string Sha256 { get => _sha256; init => _sha256 = ThrowIfInvalidHash(value); }

    /// <summary>The content's length in bytes.</summary>
    public long Length { get => _length; init => _length = ThrowIfInvalidLength(value); }

    /// <summary>The content's media type, such as "application/octet-stream".</summary>
    public string MediaType { get => _mediaType; init => _mediaType = ThrowIfInvalidMediaType(value); }

    /// <summary>Whether <paramref name="sha256"/> is exactly 64 lower-case hex digits.</summary>
    public static bool IsValidHash(string? sha256)
    {
        if (sha256 is null || sha256.Length != HashLength) return false;
        foreach (char c in sha256)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether <paramref name="mediaType"/> reads "type/subtype", each part a token of letters, digits and
    /// !#$&amp;^_.+-, optionally followed by "; parameters" of printable ASCII, in at most <see cref="MaxMediaTypeLength"/> characters.
    /// </summary>
    public static bool IsValidMediaType(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType) || mediaType.Length > MaxMediaTypeLength) return false;
        int i = Token(mediaType, 0);
        if (i == 0 || i == mediaType.Length || mediaType[i] != '/') return false;
        int end = Token(mediaType, i + 1);
        if (end == i + 1) return false;
        if (end == mediaType.Length) return true;
        if (mediaType[end] != ';') return false;
        for (int j = end; j < mediaType.Length; j++)
        {
            if (mediaType[j] is < ' ' or > '~') return false;
        }
        return true;
    }

    /// <summary>Returns <paramref name="sha256"/> when it is a valid hash (see <see cref="IsValidHash"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sha256"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 64 lower-case hex digits.</exception>
    public static string ThrowIfInvalidHash(string? sha256, string paramName = "sha256")
    {
        ArgumentNullException.ThrowIfNull(sha256, paramName);
        if (IsValidHash(sha256)) return sha256;
        string shown = sha256.Length <= 80 ? sha256 : sha256[..80] + "...";
        string why = sha256.Length != HashLength
            ? $"it has {sha256.Length.ToString(CultureInfo.InvariantCulture)} characters"
            : sha256.Any(c => c is >= 'A' and <= 'F') ? "it has upper-case hex digits" : "it has characters other than hex digits";
        throw new ArgumentException(
            $"the artifact hash \"{shown}\" is not valid: a hash is the SHA-256 of the content as {HashLength} lower-case hex digits, but {why}.",
            paramName);
    }

    /// <summary>Returns <paramref name="mediaType"/> when it is valid (see <see cref="IsValidMediaType"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="mediaType"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="mediaType"/> is not a valid media type.</exception>
    public static string ThrowIfInvalidMediaType(string? mediaType, string paramName = "mediaType")
    {
        ArgumentNullException.ThrowIfNull(mediaType, paramName);
        if (IsValidMediaType(mediaType)) return mediaType;
        string shown = mediaType.Length <= 80 ? mediaType : mediaType[..80] + "...";
        throw new ArgumentException(
            $"the media type \"{shown}\" is not valid: expected \"type/subtype\" such as \"application/octet-stream\", " +
            $"optionally with \"; parameters\", in at most {MaxMediaTypeLength} printable ASCII characters.",
            paramName);
    }

    /// <summary>"sha256:…" with the length and media type, for logs and messages.</summary>
    public override string ToString() =>
        $"sha256:{Sha256} ({Length.ToString(CultureInfo.InvariantCulture)} bytes, {MediaType})";

    private static long ThrowIfInvalidLength(long length) =>
        length >= 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), length, "an artifact's length cannot be negative.");

    private static int Token(string text, int start)
    {
        int i = start;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || "!#$&^_.+-".Contains(text[i]))) i++;
        return i;
    }
}

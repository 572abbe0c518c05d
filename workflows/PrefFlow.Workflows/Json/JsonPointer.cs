namespace PrefFlow.Workflows.Json;

/// <summary>Builds RFC 6901 pointers one reference token at a time.</summary>
public static class JsonPointer
{
    /// <summary>A reference token with '~' written "~0" and '/' written "~1".</summary>
    public static string Escape(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The pointer one object member deeper.</summary>
    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    /// <summary>The pointer one array element deeper.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

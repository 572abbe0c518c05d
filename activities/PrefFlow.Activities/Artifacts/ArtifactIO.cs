using System.Text.Json.Nodes;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Artifacts;

/// <summary>Reads input artifacts and stores output artifacts through the context, turning failures into errors that name the input.</summary>
internal static class ArtifactIO
{
    /// <summary>
    /// The bytes of the artifact input <paramref name="input"/>, which must have media type <paramref name="mediaType"/>;
    /// <paramref name="what"/> says what the input must be, for messages, e.g. "a policy".
    /// </summary>
    public static async Task<byte[]> ReadAsync(IActivityContext context, string input, string mediaType, string what, CancellationToken cancellationToken)
    {
        ArtifactRef reference = context.Inputs.GetArtifact(input);
        if (reference.MediaType != mediaType)
        {
            throw new ActivityException($"input '{input}' is an artifact of type {reference.MediaType}; it must be {what} ({mediaType}).");
        }
        return await ReadAsync(context, reference, input, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The verified bytes of <paramref name="reference"/>.</summary>
    public static async Task<byte[]> ReadAsync(IActivityContext context, ArtifactRef reference, string input, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await context.Artifacts.OpenReadAsync(reference, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream(reference.Length is > 0 and < int.MaxValue ? (int)reference.Length : 0);
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (ArtifactCorruptedException e)
        {
            throw new ActivityException($"input '{input}': the artifact sha256:{reference.Sha256} cannot be read intact ({e.Message}).", e);
        }
    }

    /// <summary>Stores <paramref name="bytes"/> and returns the artifact's JSON form for an output.</summary>
    public static async Task<JsonObject> WriteAsync(IActivityContext context, byte[] bytes, string mediaType, CancellationToken cancellationToken) =>
        ArtifactValue.ToJson(await PutAsync(context, bytes, mediaType, cancellationToken).ConfigureAwait(false));

    /// <summary>Stores <paramref name="bytes"/>.</summary>
    public static async Task<ArtifactRef> PutAsync(IActivityContext context, byte[] bytes, string mediaType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return await context.Artifacts.PutAsync(stream, mediaType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a dataset input with <paramref name="read"/>, naming the input when the bytes are not such a dataset.</summary>
    public static async Task<T> ReadDatasetAsync<T>(IActivityContext context, string input, string what,
        Func<byte[], CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        byte[] bytes = await ReadAsync(context, input, MediaTypes.Parquet, what, cancellationToken).ConfigureAwait(false);
        try
        {
            return await read(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new ActivityException($"input '{input}' is not {what}: {e.Message}.", e);
        }
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Api.Runs;

/// <summary>
/// Downloads of a run's artifacts by sha256. Only a blob the run committed is served (a hash from another run, or
/// anything shaped like a path, is refused before the store is touched), and only after it verified against its hash.
/// </summary>
internal static partial class RunArtifacts
{
    // Blobs up to this size are verified in memory; larger ones through a temporary file.
    private const int InMemoryBytes = 16 * 1024 * 1024;

    public static async Task<IResult> DownloadAsync(string id, string sha256, RunService runs, RunSummaryReader summaries, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        if (!Sha256Pattern().IsMatch(sha256)) throw ApiException.BadRequest($"'{sha256}' is not an artifact's sha256 (64 lower-case hex digits)", "sha256");
        await runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        RunSummary summary = await summaries.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        ArtifactEntry entry = summary.Artifacts.FirstOrDefault(a => a.Artifact.Sha256 == sha256)
            ?? throw ApiException.NotFound($"run '{id}' has no artifact with sha256 {sha256}");
        Stream verified = await CopyVerifiedAsync(artifacts, entry.Artifact, cancellationToken).ConfigureAwait(false);
        return Results.File(verified, entry.Artifact.MediaType, $"{entry.NodePath.Replace('/', '_')}.{entry.Output}", enableRangeProcessing: true);
    }

    // A range request needs a seekable stream; the store's stream verifies the hash as it is read to its end.
    private static async Task<Stream> CopyVerifiedAsync(IArtifactStore artifacts, ArtifactRef artifact, CancellationToken cancellationToken)
    {
        Stream copy = artifact.Length <= InMemoryBytes
            ? new MemoryStream(capacity: (int)artifact.Length)
            : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (Stream source = await artifacts.OpenReadAsync(artifact, cancellationToken).ConfigureAwait(false))
            {
                await source.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            }
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}

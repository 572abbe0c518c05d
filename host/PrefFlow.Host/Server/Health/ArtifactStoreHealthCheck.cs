using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Host.Server.Health;

/// <summary>Healthy when the blob store answers a lookup (of a hash no blob has).</summary>
internal sealed class ArtifactStoreHealthCheck(IArtifactStore artifacts) : IHealthCheck
{
    private static readonly string Probe = new('0', 64);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await artifacts.ExistsAsync(Probe, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the artifact store answers");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the artifact store does not answer: {error.GetType().Name}");
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Server.Health;

/// <summary>Healthy when the state database answers a query.</summary>
internal sealed class StateStoreHealthCheck(IStateStore state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await state.ListRunsAsync(new RunQuery(Take: 1), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the state store answers");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the state store does not answer: {error.GetType().Name}");
        }
    }
}

namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// How a failing node is retried, JSON <c>{"attempts": 3, "backoffSeconds": 10, "timeoutSeconds": 3600}</c>;
/// every field is optional and an absent field takes the engine's default.
/// </summary>
/// <param name="Attempts">The most attempts, the first included: 1 to 20.</param>
/// <param name="BackoffSeconds">The wait before each retry: at least 0.</param>
/// <param name="TimeoutSeconds">The most one attempt may run: more than 0.</param>
public sealed record RetryDefinition(int? Attempts, double? BackoffSeconds, double? TimeoutSeconds)
{
    /// <summary>The most attempts a definition may ask for.</summary>
    public const int MaxAttempts = 20;
}

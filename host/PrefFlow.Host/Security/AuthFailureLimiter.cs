using System.Collections.Concurrent;

namespace PrefFlow.Host.Security;

/// <summary>
/// Counts failed authentications per client address in a fixed window; a client over the limit is refused (429)
/// without its key being looked up, so guessing keys is slow and cannot load the database.
/// </summary>
internal sealed class AuthFailureLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _clients = new(StringComparer.Ordinal);

    private sealed record Window(DateTimeOffset Start, int Failures);

    /// <summary>True when the client failed <c>limit</c> times in the current window.</summary>
    public bool IsBlocked(string client) =>
        _clients.TryGetValue(client, out Window? current) && current.Start + window > time.GetUtcNow() && current.Failures >= limit;

    /// <summary>When the client's window ends (for Retry-After).</summary>
    public TimeSpan RetryAfter(string client) =>
        _clients.TryGetValue(client, out Window? current) ? current.Start + window - time.GetUtcNow() : TimeSpan.Zero;

    public void RecordFailure(string client)
    {
        DateTimeOffset now = time.GetUtcNow();
        _clients.AddOrUpdate(client, _ => new Window(now, 1),
            (_, current) => current.Start + window > now ? current with { Failures = current.Failures + 1 } : new Window(now, 1));
        // Forget expired windows now and then, so a scan of many addresses cannot grow the table without bound.
        if (_clients.Count > 10_000)
        {
            foreach ((string key, Window old) in _clients)
            {
                if (old.Start + window <= now) _clients.TryRemove(key, out _);
            }
        }
    }
}

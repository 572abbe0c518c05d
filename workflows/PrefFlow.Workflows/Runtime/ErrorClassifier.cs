using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Tells failures that may pass on a retry from those that will not, and words them for people.</summary>
internal static class ErrorClassifier
{
    public static ErrorKind Classify(Exception error) => error switch
    {
        ArtifactCorruptedException => ErrorKind.Permanent,
        TransientActivityException or TimeoutException or HttpRequestException or IOException => ErrorKind.Transient,
        _ when IsTransientByStatus(error) => ErrorKind.Transient,
        _ => ErrorKind.Permanent,
    };

    /// <summary>One line for the run's error: an activity's own message, or the exception type and message for a bug.</summary>
    public static string Describe(Exception error) => error switch
    {
        ActivityException or TransientActivityException or ArtifactCorruptedException or TimeoutException => error.Message,
        _ => $"{error.GetType().Name}: {error.Message}",
    };

    // Storage SDKs (Azure, Npgsql) report throttling and server errors with an HTTP-like status; those pass.
    private static bool IsTransientByStatus(Exception error)
    {
        if (error.GetType().GetProperty("Status")?.GetValue(error) is int status)
        {
            return status is 408 or 429 or >= 500 and < 600;
        }
        return error.GetType().GetProperty("IsTransient")?.GetValue(error) is true;
    }
}

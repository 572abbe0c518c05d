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
        ArtifactStoreException store => store.IsTransient ? ErrorKind.Transient : ErrorKind.Permanent,
        TransientActivityException or TimeoutException or HttpRequestException or IOException => ErrorKind.Transient,
        _ when IsTransientByStatus(error) => ErrorKind.Transient,
        _ => ErrorKind.Permanent,
    };

    /// <summary>
    /// One line for the run's error: an activity's own message, or the exception type and message for a bug. Only the
    /// first line is kept (native libraries append their stack frames); the journal's incident keeps the whole text.
    /// </summary>
    public static string Describe(Exception error)
    {
        string message = error switch
        {
            ActivityException or TransientActivityException or ArtifactCorruptedException or ArtifactStoreException or TimeoutException => error.Message,
            _ => $"{error.GetType().Name}: {error.Message}",
        };
        return message.Split('\n', 2)[0].Trim();
    }

    // Database drivers (Npgsql, SQLite) say themselves whether an error may pass: a dropped connection, a busy file.
    private static bool IsTransientByStatus(Exception error) =>
        error is System.Data.Common.DbException { IsTransient: true };
}

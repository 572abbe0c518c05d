namespace PrefFlow.Workflows.Activities;

/// <summary>An activity failed for a reason that may pass (a busy service, a dropped connection): the engine retries it.</summary>
public sealed class TransientActivityException : Exception
{
    /// <summary>A transient failure with <paramref name="message"/>.</summary>
    public TransientActivityException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace PrefFlow.Workflows.Activities;

/// <summary>
/// An activity cannot do its work with the inputs it was given; retrying the same inputs would fail again.
/// The message is for the person running the workflow: it names the input or artifact at fault and why.
/// </summary>
public class ActivityException : Exception
{
    /// <summary>A permanent failure with <paramref name="message"/>.</summary>
    public ActivityException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// A run cannot be started or continued as asked: the definition is not valid, a parameter value is wrong, the run
/// does not exist or is in a state that forbids it. Every line of <see cref="Errors"/> names what is wrong and why.
/// </summary>
public sealed class InvalidRunRequestException : Exception
{
    /// <summary>An error with one or more reasons.</summary>
    public InvalidRunRequestException(IReadOnlyList<string> errors)
        : base(errors.Count == 1 ? errors[0] : $"{errors.Count} errors:\n" + string.Join("\n", errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    /// <summary>An error with one reason.</summary>
    public InvalidRunRequestException(string error)
        : this([error])
    {
    }

    /// <summary>Every reason, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }
}

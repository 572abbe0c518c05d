namespace PrefFlow.Storage.State;

/// <summary>Whether a failure may go away by itself on a retry.</summary>
public enum ErrorKind
{
    /// <summary>Retrying may succeed (an I/O hiccup, a timeout, a busy database).</summary>
    Transient,

    /// <summary>Retrying the same inputs fails the same way (bad input, a bug, corrupt data).</summary>
    Permanent,
}

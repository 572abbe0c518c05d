namespace PrefFlow.Workflows.Activities;

/// <summary>
/// The type of an activity input or output, or of a workflow parameter. Outside this namespace the name
/// clashes with <see cref="System.ValueType"/>: import it with an alias.
/// </summary>
public enum ValueType
{
    /// <summary>Any JSON value; no type check.</summary>
    Any,

    /// <summary>A whole number (JSON number without a fractional part).</summary>
    Integer,

    /// <summary>Any JSON number; an integer fits where a number is expected.</summary>
    Number,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A content-addressed artifact (dataset or checkpoint), passed between nodes by reference.</summary>
    Artifact,
}

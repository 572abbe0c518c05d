namespace PrefFlow.Workflows.Activities;

/// <summary>
/// The kind of value an activity input or output, or a workflow parameter, holds.
/// </summary>
public enum DataType
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

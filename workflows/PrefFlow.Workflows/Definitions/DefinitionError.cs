namespace PrefFlow.Workflows.Definitions;

/// <summary>Why a workflow definition is not valid, and where in its JSON.</summary>
/// <param name="Pointer">
/// An RFC 6901 JSON pointer from the document root ('~' written "~0", '/' written "~1"): "" for the whole
/// document, "/id", "/nodes/1/loop/nodes/0/inputs/prompts", "/nodes/1/loop/schedule/total".
/// </param>
/// <param name="Reason">What is wrong and, where it helps, how to fix it.</param>
public readonly record struct DefinitionError(string Pointer, string Reason) : IComparable<DefinitionError>
{
    /// <summary>Orders by pointer, then reason (ordinal), so that error lists read the same on every run.</summary>
    public int CompareTo(DefinitionError other)
    {
        int byPointer = string.CompareOrdinal(Pointer, other.Pointer);
        return byPointer != 0 ? byPointer : string.CompareOrdinal(Reason, other.Reason);
    }

    /// <summary>"pointer: reason", or the reason alone for the whole document.</summary>
    public override string ToString() => Pointer.Length == 0 ? Reason : $"{Pointer}: {Reason}";
}

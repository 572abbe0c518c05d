namespace PrefFlow.Learning.Tasks;

/// <summary>
/// What an instruction asks for. The kinds differ in how hard they are for a small transformer:
/// copy and increment are learnt almost perfectly, reverse and rotate well, sort only partially,
/// so a policy has room to improve and its samples differ in quality.
/// </summary>
public enum InstructionKind
{
    /// <summary>Repeat the digits.</summary>
    Copy,
    /// <summary>The digits in reverse order.</summary>
    Reverse,
    /// <summary>The digits in ascending order.</summary>
    Sort,
    /// <summary>Each digit plus one, modulo 10.</summary>
    Increment,
    /// <summary>The digits rotated left by one place.</summary>
    Rotate,
}

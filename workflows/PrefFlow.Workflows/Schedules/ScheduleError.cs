namespace PrefFlow.Workflows.Schedules;

/// <summary>Why a budget schedule is not valid, and where in its JSON.</summary>
/// <param name="Pointer">
/// A JSON pointer relative to the schedule's JSON value: "" for the whole value, "/total", "/iterations",
/// "/keepFraction", "/rule", "/budgets/2"; for the bare list form, "/2".
/// </param>
/// <param name="Reason">What is wrong and, where it helps, how to fix it.</param>
public readonly record struct ScheduleError(string Pointer, string Reason)
{
    /// <summary>"pointer: reason", or the reason alone for the whole value.</summary>
    public override string ToString() => Pointer.Length == 0 ? Reason : $"{Pointer}: {Reason}";
}

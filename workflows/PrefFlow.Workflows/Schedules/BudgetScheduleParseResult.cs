using System.Diagnostics.CodeAnalysis;

namespace PrefFlow.Workflows.Schedules;

/// <summary>What reading a budget schedule from JSON gave: the schedule, or every error found.</summary>
public sealed class BudgetScheduleParseResult
{
    internal BudgetScheduleParseResult(BudgetSchedule? schedule, IReadOnlyList<ScheduleError> errors)
    {
        Schedule = errors.Count == 0 ? schedule : null;
        Errors = errors;
    }

    /// <summary>The schedule; null when any error was found.</summary>
    public BudgetSchedule? Schedule { get; }

    /// <summary>Every error found, JSON types and schedule rules alike; empty when the schedule is valid.</summary>
    public IReadOnlyList<ScheduleError> Errors { get; }

    /// <summary>True when the JSON is a valid schedule, and then <see cref="Schedule"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Schedule))]
    public bool Succeeded => Schedule is not null;
}

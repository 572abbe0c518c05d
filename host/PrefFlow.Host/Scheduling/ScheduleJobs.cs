using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>The Quartz shapes of schedules, held by the <see cref="ScheduleClock"/>: a durable job schedules.&lt;id&gt; holding the spec, and its cron trigger.</summary>
internal static class ScheduleJobs
{
    public const string Group = "schedules";
    public const string SpecKey = "spec";

    public static JobKey Key(string scheduleId) => new(scheduleId, Group);

    public static TriggerKey TriggerKeyOf(string scheduleId) => new(scheduleId, Group);

    public static IJobDetail Job(ScheduleSpec spec) => JobBuilder.Create<ScheduleTickJob>()
        .WithIdentity(Key(spec.Id))
        .WithDescription($"schedule {spec.Id}: {spec.Action} of '{spec.DefinitionId}' at '{spec.Cron}' ({spec.TimeZone})")
        .UsingJobData(SpecKey, spec.ToJson())
        .StoreDurably()
        .Build();

    /// <summary>The cron trigger; a tick later than <paramref name="misfireThreshold"/> is a misfire, handled by the spec's policy.</summary>
    public static ITrigger Trigger(ScheduleSpec spec, TimeSpan misfireThreshold) => TriggerBuilder.Create()
        .WithIdentity(TriggerKeyOf(spec.Id))
        .ForJob(Key(spec.Id))
        .WithMisfireThreshold(misfireThreshold)
        .WithSchedule(CronScheduleBuilder.Create(spec.Cron)
            .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZone))
            .WithMisfireInstruction(spec.Misfire == ScheduleMisfire.FireOnceNow ? CronTriggerMisfireInstruction.FireAndProceed : CronTriggerMisfireInstruction.DoNothing))
        .Build();
}

namespace PrefFlow.Host.Scheduling;

/// <summary>The database Quartz keeps its jobs and triggers in.</summary>
internal enum SchedulerStore
{
    Sqlite,
    Postgres,
}

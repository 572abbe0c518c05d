using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// The persistent job store every Quartz scheduler of a deployment uses (runs and schedules alike): SQLite or the
/// state store's PostgreSQL database, tables created when missing, clustered when the settings say so. Schedulers with
/// different names share the tables and never see each other's rows.
/// </summary>
internal static class QuartzStore
{
    /// <summary>The longest wait between two scans for missed triggers, when a misfire threshold is given.</summary>
    public static readonly TimeSpan MisfireScanInterval = TimeSpan.FromSeconds(5);

    /// <param name="quartz">The scheduler being built.</param>
    /// <param name="settings">The store and clustering.</param>
    /// <param name="instanceName">The scheduler's name in the store.</param>
    /// <param name="threads">Jobs executing at once in this process.</param>
    /// <param name="misfireThreshold">
    /// How late a trigger may fire before its misfire policy decides (Quartz's default, 60 s, when null). A trigger
    /// later than that is left to the misfire handler, which looks for such triggers a few times per threshold, at
    /// least every <see cref="MisfireScanInterval"/>, not once per threshold, so a missed tick fires soon after it
    /// counts as missed.
    /// </param>
    public static void Use(IQuartzBuilder quartz, SchedulerSettings settings, string instanceName, int threads, TimeSpan? misfireThreshold = null)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            // The name scopes the rows in the store; the id is generated (AUTO), which clustering needs to tell the
            // nodes apart.
            scheduler.InstanceName = instanceName;
            scheduler.GenerateInstanceId = true;
        });
        quartz.UseDefaultThreadPool(threads);
        quartz.UsePersistentStore(store =>
        {
            if (settings.Store == SchedulerStore.Postgres) store.UsePostgres(NpgsqlFactory.Instance, settings.ConnectionString);
            else store.UseSqlite(SqliteFactory.Instance, settings.ConnectionString);
            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
            if (misfireThreshold is { } threshold)
            {
                store.ConfigureStore(options =>
                {
                    options.MisfireThreshold = threshold;
                    options.MisfireHandlerFrequency = threshold < MisfireScanInterval ? threshold : MisfireScanInterval;
                });
            }
            if (settings.Clustered)
            {
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = settings.CheckinInterval;
                    cluster.CheckinMisfireThreshold = settings.CheckinInterval;
                });
            }
        });
    }
}

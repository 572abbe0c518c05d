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
    public static void Use(IQuartzBuilder quartz, SchedulerSettings settings, string instanceName, int threads)
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

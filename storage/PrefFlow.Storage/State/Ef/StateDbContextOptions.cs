using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PrefFlow.Storage.State.Ef;

/// <summary>How each provider's context is configured: one place for the running store and for design time.</summary>
internal static class StateDbContextOptions
{
    public static DbContextOptions<SqliteStateDbContext> Sqlite(string connectionString, TimeSpan busyTimeout)
    {
        // Microsoft.Data.Sqlite also retries busy commands itself up to its command timeout: keep both equal.
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        return new DbContextOptionsBuilder<SqliteStateDbContext>()
            .UseSqlite(builder.ToString())
            .AddInterceptors(new SqliteConnectionSettings(busyTimeout))
            .Options;
    }

    public static DbContextOptions<PostgresStateDbContext> Postgres(string connectionString) =>
        new DbContextOptionsBuilder<PostgresStateDbContext>()
            .UseNpgsql(connectionString)
            .Options;
}

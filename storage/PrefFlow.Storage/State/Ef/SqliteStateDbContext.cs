using Microsoft.EntityFrameworkCore;

namespace PrefFlow.Storage.State.Ef;

/// <summary>The state tables in SQLite; its migrations are in Migrations/Sqlite.</summary>
internal sealed class SqliteStateDbContext(DbContextOptions<SqliteStateDbContext> options) : StateDbContext(options);

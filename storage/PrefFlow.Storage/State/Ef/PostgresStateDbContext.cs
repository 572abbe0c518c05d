using Microsoft.EntityFrameworkCore;

namespace PrefFlow.Storage.State.Ef;

/// <summary>The state tables in PostgreSQL; its migrations are in Migrations/Postgres.</summary>
internal sealed class PostgresStateDbContext(DbContextOptions<PostgresStateDbContext> options) : StateDbContext(options);

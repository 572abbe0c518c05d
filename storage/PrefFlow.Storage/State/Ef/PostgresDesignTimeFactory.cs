using Microsoft.EntityFrameworkCore.Design;

namespace PrefFlow.Storage.State.Ef;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresStateDbContext</c> build the context; connects nowhere.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStateDbContext>
{
    public PostgresStateDbContext CreateDbContext(string[] args) =>
        new(StateDbContextOptions.Postgres("Host=localhost;Database=prefflow"));
}

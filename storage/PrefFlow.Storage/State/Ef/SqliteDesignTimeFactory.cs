using Microsoft.EntityFrameworkCore.Design;

namespace PrefFlow.Storage.State.Ef;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteStateDbContext</c> build the context; opens nothing.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStateDbContext>
{
    public SqliteStateDbContext CreateDbContext(string[] args) =>
        new(StateDbContextOptions.Sqlite("Data Source=design-time.db", TimeSpan.FromSeconds(1)));
}

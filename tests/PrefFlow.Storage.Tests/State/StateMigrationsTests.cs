using Microsoft.EntityFrameworkCore;
using PrefFlow.Storage.State.Ef;

namespace PrefFlow.Storage.Tests.State;

/// <summary>Each provider's migrations build exactly today's model: a model change without a migration fails here.</summary>
public sealed class StateMigrationsTests
{
    public static TheoryData<string> Providers() => ["Sqlite", "Postgres"];

    private static StateDbContext DesignTimeContext(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        using StateDbContext db = DesignTimeContext(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} model changed: add a migration with dotnet ef migrations add");
    }

    [Fact]
    public void Each_provider_has_its_own_migrations()
    {
        using StateDbContext sqlite = DesignTimeContext("Sqlite");
        using StateDbContext postgres = DesignTimeContext("Postgres");

        Assert.Equal(sqlite.Database.GetMigrations().Count(), postgres.Database.GetMigrations().Count());
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }
}

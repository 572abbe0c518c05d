using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrefFlow.Storage.State.Ef.Rows;

namespace PrefFlow.Storage.State.Ef;

/// <summary>
/// The state store's tables, the same for every database. Each provider has its own subclass, so that each has
/// its own migrations (<see cref="SqliteStateDbContext"/>, <see cref="PostgresStateDbContext"/>).
/// </summary>
internal abstract class StateDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<NodeExecutionRow> NodeExecutions => Set<NodeExecutionRow>();
    public DbSet<NodeCheckpointRow> NodeCheckpoints => Set<NodeCheckpointRow>();
    public DbSet<JournalRow> Journal => Set<JournalRow>();
    public DbSet<DefinitionDraftRow> DefinitionDrafts => Set<DefinitionDraftRow>();
    public DbSet<DefinitionLayoutRow> DefinitionLayouts => Set<DefinitionLayoutRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<ulong>().HaveConversion<SeedConverter>();
        // Enums as their names: readable in the database, and safe when members are added in the middle.
        configurationBuilder.Properties<RunStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NodeStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ErrorKind>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureDefinitions(modelBuilder.Entity<DefinitionRow>().ToTable("definitions"));
        ConfigureRuns(modelBuilder.Entity<RunRow>().ToTable("runs"));
        ConfigureNodeExecutions(modelBuilder.Entity<NodeExecutionRow>().ToTable("node_executions"));
        ConfigureNodeCheckpoints(modelBuilder.Entity<NodeCheckpointRow>().ToTable("node_checkpoints"));
        ConfigureJournal(modelBuilder.Entity<JournalRow>().ToTable("journal"));
        modelBuilder.Entity<DefinitionDraftRow>().ToTable("definition_drafts").HasKey(d => d.Id);
        modelBuilder.Entity<DefinitionLayoutRow>().ToTable("definition_layouts").HasKey(l => l.Id);
        ConfigureApiKeys(modelBuilder.Entity<ApiKeyRow>().ToTable("api_keys"));
        NameColumnsInSnakeCase(modelBuilder);
    }

    private static void ConfigureDefinitions(EntityTypeBuilder<DefinitionRow> definition) =>
        definition.HasKey(d => new { d.Id, d.Version });

    private static void ConfigureRuns(EntityTypeBuilder<RunRow> run)
    {
        run.HasKey(r => r.Id);
        run.HasOne<DefinitionRow>().WithMany()
            .HasForeignKey(r => new { r.DefinitionId, r.DefinitionVersion })
            .OnDelete(DeleteBehavior.Restrict);
        // ListRuns: newest first, optionally of one definition or one status.
        run.HasIndex(r => r.CreatedAt);
        run.HasIndex(r => r.Status);
        // A schedule's overlap policy looks for its unfinished runs.
        run.HasIndex(r => r.ScheduleId);
    }

    private static void ConfigureApiKeys(EntityTypeBuilder<ApiKeyRow> key)
    {
        key.HasKey(k => k.Id);
        // Every request looks its key up by hash.
        key.HasIndex(k => k.Sha256).IsUnique();
    }

    private static void ConfigureNodeExecutions(EntityTypeBuilder<NodeExecutionRow> execution)
    {
        execution.HasKey(e => e.Id);
        execution.Property(e => e.Id).ValueGeneratedOnAdd();
        execution.HasOne<RunRow>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        execution.HasIndex(e => new { e.RunId, e.NodePath });
        // FindCommittedWork: the same work done by another run.
        execution.HasIndex(e => e.InputHash);
    }

    private static void ConfigureNodeCheckpoints(EntityTypeBuilder<NodeCheckpointRow> checkpoint)
    {
        // One checkpoint per node: saving another replaces it.
        checkpoint.HasKey(c => new { c.RunId, c.NodePath });
        checkpoint.HasOne<RunRow>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureJournal(EntityTypeBuilder<JournalRow> entry)
    {
        // The sequence is one counter for all runs (SQLite AUTOINCREMENT, a PostgreSQL identity): increasing in the order
        // of appends. On PostgreSQL two appends racing to commit may become visible out of order; a run's journal is
        // written by its lease holder, one append at a time, so a reader paging by sequence misses nothing.
        entry.HasKey(j => j.Sequence);
        entry.Property(j => j.Sequence).ValueGeneratedOnAdd();
        entry.HasOne<RunRow>().WithMany().HasForeignKey(j => j.RunId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(j => new { j.RunId, j.Sequence });
    }

    private static void NameColumnsInSnakeCase(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && snake.Length > 0) snake.Append('_');
            snake.Append(char.ToLowerInvariant(c));
        }
        return snake.ToString();
    }
}

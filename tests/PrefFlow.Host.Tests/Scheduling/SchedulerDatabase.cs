using Microsoft.Data.Sqlite;

namespace PrefFlow.Host.Tests.Scheduling;

/// <summary>Reads the Quartz tables of a data folder's DATA/scheduler.db.</summary>
internal sealed class SchedulerDatabase(string dataFolder)
{
    public string File { get; } = Path.Combine(dataFolder, "scheduler.db");

    public IReadOnlyList<string> Tables() => Strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    /// <summary>The names of the stored jobs that ask to be recovered.</summary>
    public IReadOnlyList<string> RecoverableJobs() => Strings("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE REQUESTS_RECOVERY = 1 ORDER BY JOB_NAME");

    public IReadOnlyList<string> Jobs() => Strings("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS ORDER BY JOB_NAME");

    /// <summary>The names of the jobs one scheduler (by its name in the store) holds.</summary>
    public IReadOnlyList<string> JobsOf(string schedulerName) => Strings("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = $name ORDER BY JOB_NAME", schedulerName);

    public IReadOnlyList<string> Triggers() => Strings("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS UNION ALL SELECT TRIGGER_NAME FROM QRTZ_FIRED_TRIGGERS");

    private List<string> Strings(string sql, string? name = null)
    {
        using var connection = new SqliteConnection($"Data Source={File};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        if (name is not null) command.Parameters.AddWithValue("$name", name);
        using SqliteDataReader reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrefFlow.Storage.State.Ef;

/// <summary>
/// Sets two SQLite settings on every opened connection. A busy timeout, so that a write that finds the file locked by
/// another connection or process (a CLI "cancel" while a run executes) waits for it instead of failing at once.
/// And synchronous = NORMAL: in WAL mode a commit then survives the death of the process (kill -9) and the file stays
/// consistent; only an operating-system crash or power loss can drop the last commits. It saves an fsync per commit,
/// which is most of the engine's cost per node on a slow disk.
/// </summary>
internal sealed class SqliteConnectionSettings(TimeSpan timeout) : DbConnectionInterceptor
{
    private readonly string _pragma =
        "PRAGMA busy_timeout = " + ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using DbCommand command = Pragma(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using DbCommand command = Pragma(connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private DbCommand Pragma(DbConnection connection)
    {
        DbCommand command = connection.CreateCommand();
        command.CommandText = _pragma;
        return command;
    }
}

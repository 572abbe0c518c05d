namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "journal" table; the sequence is the table's auto-incremented key.</summary>
internal sealed class JournalRow
{
    public long Sequence { get; set; }
    public required string RunId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Kind { get; set; }
    public string? NodePath { get; set; }
    public required string Message { get; set; }
    public string? DataJson { get; set; }

    /// <summary>A new entry: its sequence is left for the database to assign.</summary>
    public static JournalRow Appending(JournalEntry entry) => new()
    {
        RunId = entry.RunId,
        At = entry.At,
        Kind = entry.Kind,
        NodePath = entry.NodePath,
        Message = entry.Message,
        DataJson = entry.DataJson,
    };

    public JournalEntry ToRecord() => new(Sequence, RunId, At, Kind, NodePath, Message, DataJson);
}

namespace PrefFlow.Host.Sweeps;

/// <summary>One cell of a sweep: an arm at one grid point. Every seed of a cell is one run.</summary>
/// <param name="Arm">The arm's label.</param>
/// <param name="Settings">The grid's values at the point, one per axis in the grid's order.</param>
internal sealed record SweepCell(string Arm, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    /// <summary>"arm name=value ...", as progress lines and tables name the cell.</summary>
    public string Label => string.Join(' ', new[] { Arm }.Concat(Settings.Select(s => $"{s.Key}={s.Value}")));

    /// <summary>The grid value of a parameter at this cell, or null when the grid has no such axis.</summary>
    public string? Value(string parameter) =>
        Settings.FirstOrDefault(s => s.Key == parameter) is { Key: not null } setting ? setting.Value : null;
}

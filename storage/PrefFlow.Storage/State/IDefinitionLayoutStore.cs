namespace PrefFlow.Storage.State;

/// <summary>
/// Layouts of definitions for the web designer: one per definition id, replaced as a whole on every save (a layout is
/// small, and a whole replacement never leaves one half old, half new). Every method is atomic on its own.
/// </summary>
public interface IDefinitionLayoutStore
{
    /// <summary>Saves the layout, replacing the definition's earlier layout.</summary>
    Task SaveLayoutAsync(DefinitionLayoutRecord layout, CancellationToken cancellationToken = default);

    /// <summary>The layout of <paramref name="id"/>, or null when none was saved.</summary>
    Task<DefinitionLayoutRecord?> GetLayoutAsync(string id, CancellationToken cancellationToken = default);
}

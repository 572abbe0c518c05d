namespace PrefFlow.Storage.State;

/// <summary>Drafts of definitions: one per definition id, replaced on every save. Every method is atomic on its own.</summary>
public interface IDefinitionDraftStore
{
    /// <summary>Saves the draft, replacing the definition's earlier draft.</summary>
    Task SaveDraftAsync(DefinitionDraftRecord draft, CancellationToken cancellationToken = default);

    /// <summary>The draft of <paramref name="id"/>, or null.</summary>
    Task<DefinitionDraftRecord?> GetDraftAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every draft, by id.</summary>
    Task<IReadOnlyList<DefinitionDraftRecord>> ListDraftsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the draft of <paramref name="id"/>; false when there was none.</summary>
    Task<bool> DeleteDraftAsync(string id, CancellationToken cancellationToken = default);
}

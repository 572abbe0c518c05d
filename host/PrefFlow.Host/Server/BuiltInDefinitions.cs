using PrefFlow.Host.Hosting;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;

namespace PrefFlow.Host.Server;

/// <summary>
/// Publishes the definitions that ship with the program (paper-single-iteration, budget-decrease, ...) when a server
/// starts, so they can be run and scheduled through the API at once. Publishing the same text again changes nothing;
/// a version already published with other content is left as it is.
/// </summary>
internal static class BuiltInDefinitions
{
    public static async Task<int> PublishAsync(IActivityCatalog catalog, IStateStore state, TimeProvider time, CancellationToken cancellationToken)
    {
        int published = 0;
        string[] files = Directory.Exists(DefinitionSource.BuiltInFolder) ? Directory.GetFiles(DefinitionSource.BuiltInFolder, "*.json") : [];
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            DefinitionReadResult read = DefinitionLoader.Load(json, catalog);
            if (!read.Succeeded) continue;
            string sha256 = DefinitionRecord.HashOf(json);
            try
            {
                await state.PublishDefinitionAsync(
                    new DefinitionRecord(read.Definition.Id, read.Definition.Version, read.Definition.Name, json, sha256, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                published++;
            }
            catch (DefinitionVersionConflictException)
            {
                // Someone published this id and version with other content: theirs stands.
            }
        }
        return published;
    }
}

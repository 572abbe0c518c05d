using Newtonsoft.Json.Linq;
using PrefFlow.Workflows.Definitions;
using Snapshooter.Xunit;

namespace PrefFlow.Workflows.Tests.Definitions;

/// <summary>The published JSON Schema changes only on purpose: a change shows up as a snapshot diff to review.</summary>
public sealed class SchemaSnapshotTests
{
    [Fact]
    public void The_published_schema_is_unchanged() => Snapshot.Match(JToken.Parse(DefinitionSchema.Json));
}

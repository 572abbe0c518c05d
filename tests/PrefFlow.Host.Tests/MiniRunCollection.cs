namespace PrefFlow.Host.Tests;

/// <summary>The test classes that share one finished <see cref="MiniRun"/>: it is run once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class MiniRunCollection : ICollectionFixture<MiniRun>
{
    public const string Name = "mini run";
}

namespace PrefFlow.Designer.Tests;

/// <summary>The browser tests share one server and one browser, and run one after another (the machine has 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

namespace PrefFlow.Learning.Tests.Training;

/// <summary>
/// Tests that collect garbage without pause: they run after all others, with nothing beside them, since test code
/// itself (one-line tensor chains) does not hold its temporaries as the learning code does.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "runs alone";
}

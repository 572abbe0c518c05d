using PrefFlow.Learning.Model;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Tests;

/// <summary>Small real models for tests that need a policy but not a trained one.</summary>
internal static class TestModels
{
    public static readonly TaskOptions Task = new();

    /// <summary>A model small enough to train a few steps in well under a second.</summary>
    public static PolicyConfig Micro => new() { VocabularySize = Vocabulary.Size, ContextLength = 27, Layers = 2, Heads = 2, EmbeddingSize = 32 };

    public static TransformerPolicy Create(ulong seed) => new(Micro, seed);

    /// <summary>A temporary folder removed when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("prefflow-tests-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

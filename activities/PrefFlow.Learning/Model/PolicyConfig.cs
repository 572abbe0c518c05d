namespace PrefFlow.Learning.Model;

/// <summary>Shape of a <see cref="TransformerPolicy"/>.</summary>
public sealed record PolicyConfig
{
    /// <summary>Number of distinct tokens.</summary>
    public required int VocabularySize { get; init; }

    /// <summary>Longest sequence (prompt + response) the model sees.</summary>
    public required int ContextLength { get; init; }

    /// <summary>Number of transformer blocks.</summary>
    public required int Layers { get; init; }

    /// <summary>Attention heads per block.</summary>
    public required int Heads { get; init; }

    /// <summary>Width of the residual stream.</summary>
    public required int EmbeddingSize { get; init; }

    /// <summary>
    /// Share the output head with the token embedding (GPT-2 style). Off gives the head its own weights.
    /// </summary>
    public bool TiedEmbeddings { get; init; } = true;

    /// <summary>Throws a clear error when the shape is impossible.</summary>
    public void Validate()
    {
        if (VocabularySize < 2) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, "VocabularySize must be at least 2");
        if (ContextLength < 2) throw new ArgumentOutOfRangeException(nameof(ContextLength), ContextLength, "ContextLength must be at least 2");
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "Layers must be at least 1");
        if (Heads < 1) throw new ArgumentOutOfRangeException(nameof(Heads), Heads, "Heads must be at least 1");
        if (EmbeddingSize < Heads || EmbeddingSize % Heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(EmbeddingSize), EmbeddingSize, $"EmbeddingSize must be a positive multiple of Heads ({Heads})");
        }
    }

    /// <summary>
    /// Number of trainable parameters: token and position embeddings, per block two layer norms,
    /// the attention (qkv + output projection) and the MLP (4x expansion), and the final layer norm.
    /// The output head adds its own weights only when not tied to the token embedding.
    /// </summary>
    public long ParameterCount
    {
        get
        {
            long d = EmbeddingSize;
            long block = 2 * (2 * d) + (3 * d * d + 3 * d) + (d * d + d) + (4 * d * d + 4 * d) + (4 * d * d + d);
            long head = TiedEmbeddings ? 0 : VocabularySize * d;
            return VocabularySize * d + ContextLength * d + Layers * block + 2 * d + head;
        }
    }
}

namespace PrefFlow.Learning.Sampling;

/// <summary>How responses are generated (paper: N = 8, temperature 1.0, top-k 50).</summary>
public sealed record SamplingOptions
{
    /// <summary>Responses drawn per prompt (N).</summary>
    public int ResponsesPerPrompt { get; init; } = 1;

    /// <summary>Softmax temperature; ignored when <see cref="Greedy"/>.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Only the K most likely tokens can be drawn; 0 keeps all.</summary>
    public int TopK { get; init; } = 50;

    /// <summary>Most tokens generated per response, EOS included.</summary>
    public int MaxNewTokens { get; init; } = 16;

    /// <summary>Always take the most likely token (ties: the lowest token id).</summary>
    public bool Greedy { get; init; }

    /// <summary>Sequences generated together in one forward pass (256 measured fastest on 2 CPU cores).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Reuse attention keys and values between steps (turn off only to measure its benefit).</summary>
    public bool UseKvCache { get; init; } = true;

    /// <summary>End a response at EOS (turn off only to generate a fixed length, e.g. in benchmarks).</summary>
    public bool StopAtEos { get; init; } = true;

    /// <summary>Throws a clear error when an option is out of range.</summary>
    public void Validate()
    {
        if (ResponsesPerPrompt < 1) throw new ArgumentOutOfRangeException(nameof(ResponsesPerPrompt), ResponsesPerPrompt, "ResponsesPerPrompt must be at least 1");
        if (!Greedy && !(double.IsFinite(Temperature) && Temperature > 0)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be a finite number > 0");
        if (TopK < 0) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be >= 0 (0 keeps every token)");
        if (MaxNewTokens < 1) throw new ArgumentOutOfRangeException(nameof(MaxNewTokens), MaxNewTokens, "MaxNewTokens must be at least 1");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1");
    }
}

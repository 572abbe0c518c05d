namespace PrefFlow.Learning.Evaluation;

/// <summary>
/// A policy's evaluation on held-out prompts. Win rates compare its greedy answers with the
/// reference system's (win 1, tie 1/2, loss 0), judged by the gold RM and by the second judge.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>Prompts evaluated.</summary>
    public required int Prompts { get; init; }

    /// <summary>Win rate against the reference outputs, judged by the gold RM.</summary>
    public required double GoldWinRate { get; init; }

    /// <summary>Win rate against the reference outputs, judged by the unbiased second judge.</summary>
    public required double JudgeWinRate { get; init; }

    /// <summary>Mean gold reward of the greedy answers.</summary>
    public required double MeanGoldReward { get; init; }

    /// <summary>Mean second-judge score of the greedy answers.</summary>
    public required double MeanJudgeScore { get; init; }

    /// <summary>Share of greedy answers that are exactly right.</summary>
    public required double ExactMatch { get; init; }

    /// <summary>Mean answer length in tokens, EOS excluded.</summary>
    public required double MeanLength { get; init; }

    /// <summary>Monte-Carlo estimate of KL(pi || pi_ref) per response, from temperature-1 samples of pi.</summary>
    public required double KlToReference { get; init; }
}

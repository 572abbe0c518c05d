namespace PrefFlow.Workflows.Activities;

/// <summary>How far an activity is: <paramref name="Done"/> of <paramref name="Total"/> units of <paramref name="Stage"/>.</summary>
/// <param name="Stage">What is being done, e.g. "training" or "sampling".</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in all; 0 when unknown.</param>
/// <param name="Detail">A short extra, e.g. "loss 0.512"; null for none.</param>
public sealed record ActivityProgress(string Stage, long Done, long Total, string? Detail = null);

namespace PrefFlow.Activities.Artifacts;

/// <summary>The media types of the artifacts the built-in activities read and write.</summary>
public static class MediaTypes
{
    /// <summary>Datasets: Parquet files that pandas, DuckDB or Spark read directly.</summary>
    public const string Parquet = "application/vnd.apache.parquet";

    /// <summary>JSON documents: the task definition and evaluation reports.</summary>
    public const string Json = "application/json";

    /// <summary>Policies: safetensors files holding the weights, with the model configuration in the metadata.</summary>
    public const string Policy = "application/vnd.prefflow.policy+safetensors";

    /// <summary>Mid-activity training state (weights, optimiser moments, step): safetensors.</summary>
    public const string TrainingState = "application/vnd.prefflow.training-state+safetensors";
}

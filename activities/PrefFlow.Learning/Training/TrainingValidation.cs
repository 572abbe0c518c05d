namespace PrefFlow.Learning.Training;

/// <summary>Checks shared by the trainers' options, with messages that name the option.</summary>
internal static class TrainingValidation
{
    public static void LearningRate(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0");
    }

    public static void Positive(int value, string name)
    {
        if (value < 1) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1");
    }

    public static void Batches(int batchSize, int microBatchSize)
    {
        Positive(batchSize, "BatchSize");
        Positive(microBatchSize, "MicroBatchSize");
        if (microBatchSize > batchSize) throw new ArgumentOutOfRangeException("MicroBatchSize", microBatchSize, $"MicroBatchSize must not exceed BatchSize ({batchSize})");
    }

    public static void NonNegativeFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0");
    }
}

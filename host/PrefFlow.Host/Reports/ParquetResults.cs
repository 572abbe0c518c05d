using Parquet;
using Parquet.Schema;
using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>Writes the tidy results as Parquet, typed (seed int64, iteration int32, budget nullable int32, value double), for pandas or DuckDB.</summary>
internal static class ParquetResults
{
    public static async Task WriteAsync(string path, SweepSpec spec, IReadOnlyList<ResultRow> rows, CancellationToken cancellationToken)
    {
        var texts = new List<(DataField Field, string[] Values)> { (new DataField<string>("arm"), [.. rows.Select(r => r.Cell.Arm)]) };
        texts.AddRange(spec.Grid.Select(axis => ((DataField)new DataField<string>(axis.Parameter), (string[])[.. rows.Select(r => r.Cell.Value(axis.Parameter) ?? "")])));
        var seed = new DataField<long>("seed");
        var run = new DataField<string>("run");
        var iteration = new DataField<int>("iteration");
        var budget = new DataField<int?>("budget");
        var metric = new DataField<string>("metric");
        var value = new DataField<double>("value");
        Field[] fields = [.. texts.Select(t => t.Field), seed, run, iteration, budget, metric, value];

        await using FileStream file = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file, cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string> { ["prefflow.sweep"] = spec.Name };
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        foreach ((DataField field, string[] values) in texts) await group.WriteAsync(field, values, null).ConfigureAwait(false);
        await group.WriteAsync<long>(seed, rows.Select(r => (long)r.Seed).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(run, rows.Select(r => r.RunId).ToArray(), null).ConfigureAwait(false);
        await group.WriteAsync<int>(iteration, rows.Select(r => r.Iteration).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<int>(budget, rows.Select(r => r.Budget).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(metric, rows.Select(r => r.Metric).ToArray(), null).ConfigureAwait(false);
        await group.WriteAsync<double>(value, rows.Select(r => r.Value).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
    }
}

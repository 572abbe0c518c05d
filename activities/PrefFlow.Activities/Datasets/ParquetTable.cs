using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace PrefFlow.Activities.Datasets;

/// <summary>
/// A flat table of plain columns (int32, int64, double, bool, string) in one Parquet file, with the
/// dataset's name and version in the file's key-value metadata. Writing is deterministic: the same
/// columns and metadata give the same bytes (Parquet.Net writes no timestamps or random ids; its
/// "created_by" names only its version). Reading accepts optional columns (as pandas writes them) as
/// long as they hold no nulls.
/// </summary>
internal sealed class ParquetTable
{
    /// <summary>The metadata key naming the dataset kind, e.g. "responses".</summary>
    public const string DatasetKey = "prefflow.dataset";

    /// <summary>The metadata key holding the dataset kind's schema version.</summary>
    public const string VersionKey = "prefflow.dataset_version";

    private readonly Dictionary<string, Array> _columns;

    private ParquetTable(string dataset, int rows, Dictionary<string, Array> columns, IReadOnlyDictionary<string, string> metadata)
    {
        Dataset = dataset;
        RowCount = rows;
        _columns = columns;
        Metadata = metadata;
    }

    /// <summary>The dataset kind named in the file.</summary>
    public string Dataset { get; }

    /// <summary>Rows in the table.</summary>
    public int RowCount { get; }

    /// <summary>The file's key-value metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>One column: a name and its values (int[], long[], double[], bool[] or string[]).</summary>
    public sealed record Column(string Name, Array Values);

    /// <summary>Writes the columns, in order, as one row group.</summary>
    public static async Task<byte[]> WriteAsync(string dataset, int version, IReadOnlyDictionary<string, string> metadata,
        IReadOnlyList<Column> columns, CancellationToken cancellationToken)
    {
        var fields = columns.Select(c => Field(c)).ToArray();
        using var output = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            writer.CustomMetadata = new Dictionary<string, string>(metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                [DatasetKey] = dataset,
                [VersionKey] = version.ToString(CultureInfo.InvariantCulture),
            };
            using var group = writer.CreateRowGroup();
            for (int i = 0; i < columns.Count; i++)
            {
                var field = fields[i];
                switch (columns[i].Values)
                {
                    case int[] v: await group.WriteAsync<int>(field, v, null, null, cancellationToken).ConfigureAwait(false); break;
                    case long[] v: await group.WriteAsync<long>(field, v, null, null, cancellationToken).ConfigureAwait(false); break;
                    case double[] v: await group.WriteAsync<double>(field, v, null, null, cancellationToken).ConfigureAwait(false); break;
                    case bool[] v: await group.WriteAsync<bool>(field, v, null, null, cancellationToken).ConfigureAwait(false); break;
                    case string[] v: await group.WriteAsync(field, v, null).ConfigureAwait(false); break;
                    default: throw new ArgumentException($"column '{columns[i].Name}' has values of an unsupported type", nameof(columns));
                }
            }
        }
        return output.ToArray();
    }

    /// <summary>Reads a table of kind <paramref name="dataset"/> and schema version <paramref name="version"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not Parquet, or not a dataset of that kind and version.</exception>
    public static async Task<ParquetTable> ReadAsync(byte[] bytes, string dataset, int version, CancellationToken cancellationToken)
    {
        var table = await ReadAnyAsync(bytes, cancellationToken).ConfigureAwait(false);
        table.Expect(dataset, version);
        return table;
    }

    /// <summary>Reads a table written by <see cref="WriteAsync"/> (or any flat Parquet file of plain columns), of any kind.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a readable flat Parquet file.</exception>
    public static async Task<ParquetTable> ReadAnyAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            using var input = new MemoryStream(bytes, writable: false);
            await using var reader = await ParquetReader.CreateAsync(input, cancellationToken: cancellationToken).ConfigureAwait(false);
            var metadata = reader.CustomMetadata ?? new Dictionary<string, string>();
            var fields = reader.Schema.GetDataFields();
            var parts = fields.ToDictionary(f => f.Name, _ => new List<Array>(), StringComparer.Ordinal);
            long rows = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int count = checked((int)group.RowCount);
                rows += count;
                foreach (var field in fields)
                {
                    if (field.IsArray) throw new InvalidDataException($"column '{field.Name}' is a list; datasets have plain columns only");
                    parts[field.Name].Add(await ReadColumnAsync(group, field, count, cancellationToken).ConfigureAwait(false));
                }
            }
            var columns = parts.ToDictionary(p => p.Key, p => Concatenate(p.Value, ElementType(fields.First(f => f.Name == p.Key)), checked((int)rows)), StringComparer.Ordinal);
            return new ParquetTable(metadata.GetValueOrDefault(DatasetKey) ?? "(none)", (int)rows, columns, metadata);
        }
        catch (Exception e) when (e is not InvalidDataException and not OperationCanceledException)
        {
            throw new InvalidDataException($"it is not a readable Parquet file ({e.Message})", e);
        }
    }

    /// <summary>Refuses a table of another kind or schema version.</summary>
    /// <exception cref="InvalidDataException">The kind or version differs.</exception>
    public void Expect(string dataset, int version)
    {
        if (Dataset != dataset) throw new InvalidDataException($"it is a '{Dataset}' dataset, not a '{dataset}' dataset");
        string foundVersion = Metadata.GetValueOrDefault(VersionKey) ?? "(none)";
        if (foundVersion != version.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"it has '{dataset}' schema version {foundVersion}; this PrefFlow reads version {version}");
        }
    }

    /// <summary>The int32 column <paramref name="name"/>.</summary>
    public int[] Int32(string name) => Get<int>(name, "int32");

    /// <summary>The int64 column <paramref name="name"/>.</summary>
    public long[] Int64(string name) => Get<long>(name, "int64");

    /// <summary>The double column <paramref name="name"/>.</summary>
    public double[] Double(string name) => Get<double>(name, "double");

    /// <summary>The boolean column <paramref name="name"/>.</summary>
    public bool[] Boolean(string name) => Get<bool>(name, "boolean");

    /// <summary>The string column <paramref name="name"/>.</summary>
    public string[] String(string name) => Get<string>(name, "string");

    /// <summary>A metadata value the dataset must have.</summary>
    /// <exception cref="InvalidDataException">The key is missing.</exception>
    public string RequiredMetadata(string key) =>
        Metadata.TryGetValue(key, out string? value) ? value : throw new InvalidDataException($"its metadata lacks '{key}'");

    /// <summary>A whole-number metadata value the dataset must have.</summary>
    public int RequiredMetadataInt(string key) =>
        int.TryParse(RequiredMetadata(key), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value : throw new InvalidDataException($"its metadata '{key}' is not a whole number");

    private T[] Get<T>(string name, string type)
    {
        if (!_columns.TryGetValue(name, out Array? values)) throw new InvalidDataException($"it lacks the column '{name}'");
        return values as T[] ?? throw new InvalidDataException($"its column '{name}' is not of type {type}");
    }

    private static DataField Field(Column column) => column.Values switch
    {
        int[] => new DataField<int>(column.Name),
        long[] => new DataField<long>(column.Name),
        double[] => new DataField<double>(column.Name),
        bool[] => new DataField<bool>(column.Name),
        string[] => new DataField<string>(column.Name, nullable: false),
        _ => throw new ArgumentException($"column '{column.Name}' has values of an unsupported type"),
    };

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        Type type = ElementType(field);
        if (type == typeof(int)) return await ReadValuesAsync<int>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(long)) return await ReadValuesAsync<long>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(double)) return await ReadValuesAsync<double>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(bool)) return await ReadValuesAsync<bool>(group, field, count, cancellationToken).ConfigureAwait(false);
        if (type == typeof(string))
        {
            // Parquet.Net reports string columns as ReadOnlyMemory<char>; ElementType maps them back.
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            var result = new string[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = strings[i] ?? throw new InvalidDataException($"its column '{field.Name}' holds nulls (row {i})");
            }
            return result;
        }
        throw new InvalidDataException($"its column '{field.Name}' has the unsupported type {type.Name}");
    }

    private static async Task<T[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
        where T : struct
    {
        if (!field.IsNullable)
        {
            var values = new T[count];
            await group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            return values;
        }
        var nullable = new T?[count];
        await group.ReadAsync<T>(field, nullable.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        var result = new T[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = nullable[i] ?? throw new InvalidDataException($"its column '{field.Name}' holds nulls (row {i})");
        }
        return result;
    }

    private static Type ElementType(DataField field) => field.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : field.ClrType;

    private static Array Concatenate(List<Array> parts, Type type, int rows)
    {
        var result = Array.CreateInstance(type, rows);
        int offset = 0;
        foreach (var part in parts)
        {
            Array.Copy(part, 0, result, offset, part.Length);
            offset += part.Length;
        }
        return result;
    }
}

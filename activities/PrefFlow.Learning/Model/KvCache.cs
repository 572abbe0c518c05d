using TorchSharp;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Model;

/// <summary>
/// Keys and values of every layer for the tokens seen so far, so that generating one more token
/// costs one position of attention instead of recomputing the whole sequence.
/// </summary>
public sealed class KvCache : IDisposable
{
    private readonly Tensor?[] _keys;
    private readonly Tensor?[] _values;

    /// <summary>An empty cache for a model with <paramref name="layers"/> blocks.</summary>
    public KvCache(int layers)
    {
        _keys = new Tensor?[layers];
        _values = new Tensor?[layers];
    }

    /// <summary>How many positions are cached.</summary>
    public int Length { get; private set; }

    /// <summary>
    /// Appends this step's keys and values ([batch, heads, time, head size]) for one layer and
    /// returns the whole cached keys and values. The cache owns them beyond any dispose scope.
    /// </summary>
    internal (Tensor Keys, Tensor Values) Append(int layer, Tensor keys, Tensor values)
    {
        var oldKeys = _keys[layer];
        var oldValues = _values[layer];
        var allKeys = oldKeys is null ? keys.alias() : cat([oldKeys, keys], 2);
        var allValues = oldValues is null ? values.alias() : cat([oldValues, values], 2);
        _keys[layer] = allKeys.DetachFromDisposeScope();
        _values[layer] = allValues.DetachFromDisposeScope();
        oldKeys?.Dispose();
        oldValues?.Dispose();
        if (layer == _keys.Length - 1) Length = (int)allKeys.shape[2];
        return (allKeys, allValues);
    }

    /// <summary>Keeps only the batch rows in <paramref name="rows"/> (rows that are still generating).</summary>
    public void KeepRows(Tensor rows)
    {
        for (int layer = 0; layer < _keys.Length; layer++)
        {
            Replace(ref _keys[layer], rows);
            Replace(ref _values[layer], rows);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (int layer = 0; layer < _keys.Length; layer++)
        {
            _keys[layer]?.Dispose();
            _values[layer]?.Dispose();
            _keys[layer] = _values[layer] = null;
        }
    }

    private static void Replace(ref Tensor? cached, Tensor rows)
    {
        if (cached is null) return;
        var kept = cached.index_select(0, rows).DetachFromDisposeScope();
        cached.Dispose();
        cached = kept;
    }
}

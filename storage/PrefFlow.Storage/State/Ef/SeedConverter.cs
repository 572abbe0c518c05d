using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrefFlow.Storage.State.Ef;

/// <summary>
/// Stores a <see cref="ulong"/> seed in a signed 64-bit column by reinterpreting its bits: lossless for every value
/// (seeds above <see cref="long.MaxValue"/> are stored as negative numbers), neither database has an unsigned type.
/// </summary>
internal sealed class SeedConverter() : ValueConverter<ulong, long>(
    value => unchecked((long)value),
    stored => unchecked((ulong)stored));

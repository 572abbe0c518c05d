using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PrefFlow.Storage.State.Ef;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks (100 ns since 0001-01-01) in a 64-bit integer, so that
/// comparisons and ordering work in SQLite (which has no date type) exactly as in PostgreSQL, and every instant
/// round-trips to the tick. The offset is not kept: values come back in UTC (equal instants compare equal).
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

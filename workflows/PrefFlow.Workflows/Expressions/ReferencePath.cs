using System.Text;

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// A reference as written in an expression: a root such as <c>nodes</c> followed by member names, e.g.
/// <c>nodes['corpus-select'].outputs.pairs</c> has the segments nodes, corpus-select, outputs, pairs.
/// Two paths are equal when their segments are; the position is only where the reference was written.
/// </summary>
public sealed class ReferencePath : IEquatable<ReferencePath>
{
    private readonly string[] _segments;

    /// <summary>A path of <paramref name="segments"/> (the root first) written at <paramref name="position"/>.</summary>
    /// <exception cref="ArgumentException">There are no segments, or one is empty.</exception>
    public ReferencePath(IEnumerable<string> segments, int position = 0)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        _segments = segments.ToArray();
        if (_segments.Length == 0) throw new ArgumentException("a reference path needs at least its root.", nameof(segments));
        foreach (string segment in _segments)
        {
            if (string.IsNullOrEmpty(segment)) throw new ArgumentException("a reference path segment must not be empty.", nameof(segments));
        }
        Position = position;
    }

    /// <summary>The root and member names, in order.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>The first segment: params, iteration, nodes, run, or another root the parser was given.</summary>
    public string Root => _segments[0];

    /// <summary>The 0-based offset of the reference in the text it was parsed from.</summary>
    public int Position { get; }

    /// <summary>The path's first <paramref name="count"/> segments, at the same position.</summary>
    public ReferencePath Prefix(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _segments.Length);
        return count == _segments.Length ? this : new ReferencePath(_segments[..count], Position);
    }

    /// <summary>
    /// The canonical text: names that are identifiers after a dot, others in brackets and single quotes,
    /// e.g. <c>nodes['corpus-select'].outputs.pairs</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(_segments[0]);
        for (int i = 1; i < _segments.Length; i++)
        {
            if (Lexer.IsIdentifier(_segments[i])) text.Append('.').Append(_segments[i]);
            else text.Append('[').Append(Lexer.Quote(_segments[i])).Append(']');
        }
        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(ReferencePath? other) =>
        other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ReferencePath);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (string segment in _segments) hash.Add(segment, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}

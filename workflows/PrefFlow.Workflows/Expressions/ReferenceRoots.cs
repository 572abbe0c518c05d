namespace PrefFlow.Workflows.Expressions;

/// <summary>The names a reference may start with, in the order error messages list them.</summary>
internal sealed class ReferenceRoots
{
    public static readonly ReferenceRoots Default = new(["params", "iteration", "nodes", "run"]);

    private readonly string[] _names;
    private readonly HashSet<string> _set;

    private ReferenceRoots(string[] names)
    {
        _names = names;
        _set = new HashSet<string>(names, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Names => _names;

    /// <exception cref="ArgumentException">A root is not an identifier, is a keyword, or there is none.</exception>
    public static ReferenceRoots From(IEnumerable<string> roots, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(roots, parameterName);
        string[] names = roots.Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length == 0) throw new ArgumentException("give at least one reference root.", parameterName);
        foreach (string name in names)
        {
            if (name is null || !Lexer.IsIdentifier(name))
            {
                throw new ArgumentException($"the reference root '{name}' is not an identifier ([A-Za-z_][A-Za-z0-9_]*).", parameterName);
            }
            if (name is "true" or "false" or "null") throw new ArgumentException($"'{name}' is a literal and cannot be a reference root.", parameterName);
        }
        return new ReferenceRoots(names);
    }

    public bool Contains(string name) => _set.Contains(name);

    public override string ToString() => string.Join(", ", _names);
}

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// Recursive descent over the grammar, weakest operator first:
/// ternary ?:, ||, &amp;&amp;, == !=, &lt; &lt;= &gt; &gt;=, + -, * / %, unary - !, then literals, references,
/// calls and parentheses. Recursion is bounded: each nested sub-expression counts against
/// <see cref="ExpressionLimits.MaxDepth"/>, and so does each level of the tree it builds.
/// </summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly Lexer _lexer;
    private readonly ReferenceRoots _roots;
    // Where the binding segment being parsed opens ("${"); -1 for a plain expression.
    private readonly int _segmentStart;
    private readonly List<ReferencePath> _references = [];
    private Token _current;
    private int _nesting;

    private Parser(string text, int start, ReferenceRoots roots, int segmentStart)
    {
        _text = text;
        _roots = roots;
        _segmentStart = segmentStart;
        _lexer = new Lexer(text, start, inSegment: segmentStart >= 0);
        _current = _lexer.Next();
    }

    /// <summary>Parses all of <paramref name="text"/> as one expression.</summary>
    public static (SyntaxNode Root, IReadOnlyList<ReferencePath> References) ParseExpression(string text, ReferenceRoots roots)
    {
        CheckLength(text);
        var parser = new Parser(text, 0, roots, segmentStart: -1);
        if (parser._current.Kind == TokenKind.End) throw new ExpressionException(0, "the expression is empty");
        SyntaxNode root = parser.ParseTernary();
        if (parser._current.Kind != TokenKind.End)
        {
            throw new ExpressionException(parser._current.Position, $"unexpected {parser.Describe(parser._current)} after the expression");
        }
        return (root, parser._references);
    }

    /// <summary>
    /// Parses the expression of the segment whose "${" is at <paramref name="open"/>, through its closing '}'.
    /// <paramref name="end"/> is the offset just past that '}'.
    /// </summary>
    public static (SyntaxNode Root, IReadOnlyList<ReferencePath> References) ParseSegment(string text, int open, ReferenceRoots roots, out int end)
    {
        var parser = new Parser(text, open + 2, roots, segmentStart: open);
        if (parser._current.Kind == TokenKind.RightBrace) throw new ExpressionException(open, "the segment '${}' is empty");
        SyntaxNode root = parser.ParseTernary();
        if (parser._current.Kind == TokenKind.End) throw new ExpressionException(open, "this '${' has no closing '}'");
        if (parser._current.Kind != TokenKind.RightBrace)
        {
            throw new ExpressionException(parser._current.Position,
                $"expected '}}' to close the '${{' at {open}, found {parser.Describe(parser._current)}");
        }
        end = parser._lexer.Index;
        return (root, parser._references);
    }

    public static void CheckLength(string text)
    {
        if (text.Length > ExpressionLimits.MaxLength)
        {
            throw new ExpressionException(ExpressionLimits.MaxLength,
                $"the text is {text.Length} characters long; at most {ExpressionLimits.MaxLength} are allowed");
        }
    }

    private void Advance() => _current = _lexer.Next();

    private SyntaxNode ParseTernary()
    {
        if (++_nesting > ExpressionLimits.MaxDepth) throw TooDeep(_current.Position);
        SyntaxNode node = ParseBinary(Precedence.Or);
        if (_current.Kind == TokenKind.Question)
        {
            int question = _current.Position;
            Advance();
            SyntaxNode whenTrue = ParseTernary();
            Expect(TokenKind.Colon, $"':' for the '?' at {question}");
            SyntaxNode whenFalse = ParseTernary();
            node = Checked(new TernaryNode(node, whenTrue, whenFalse, question));
        }
        _nesting--;
        return node;
    }

    // One call per precedence level, Or through Multiplicative; each level is left-associative.
    private SyntaxNode ParseBinary(int level)
    {
        if (level > Precedence.Multiplicative) return ParseUnary();
        SyntaxNode left = ParseBinary(level + 1);
        while (BinaryNode.PrecedenceOf(_current.Kind) == level)
        {
            Token op = _current;
            Advance();
            SyntaxNode right = ParseBinary(level + 1);
            left = Checked(new BinaryNode(op.Kind, left, right, op.Position));
        }
        return left;
    }

    private SyntaxNode ParseUnary()
    {
        // A loop, not recursion: "!!!!x" is bounded by the tree depth check alone.
        var operators = new Stack<Token>();
        while (_current.Kind is TokenKind.Minus or TokenKind.Bang)
        {
            operators.Push(_current);
            Advance();
        }
        SyntaxNode node = ParsePrimary();
        while (operators.TryPop(out Token op)) node = Checked(new UnaryNode(op.Kind, node, op.Position));
        return node;
    }

    private SyntaxNode ParsePrimary()
    {
        Token token = _current;
        switch (token.Kind)
        {
            case TokenKind.Integer:
                Advance();
                return new LiteralNode(Value.Of(token.Integer), token.Position);
            case TokenKind.Real:
                Advance();
                return new LiteralNode(Value.Of(token.Real), token.Position);
            case TokenKind.String:
                Advance();
                return new LiteralNode(Value.Of(token.Text!), token.Position);
            case TokenKind.LeftParen:
                Advance();
                SyntaxNode inner = ParseTernary();
                Expect(TokenKind.RightParen, $"')' to close the '(' at {token.Position}");
                return inner;
            case TokenKind.Identifier:
                Advance();
                if (_current.Kind == TokenKind.LeftParen) return ParseCall(token);
                return token.Text switch
                {
                    "true" => new LiteralNode(Value.Of(true), token.Position),
                    "false" => new LiteralNode(Value.Of(false), token.Position),
                    "null" => new LiteralNode(Value.Null, token.Position),
                    _ => ParseReference(token),
                };
            default:
                throw new ExpressionException(token.Position, $"expected a value, found {Describe(token)}");
        }
    }

    private SyntaxNode ParseCall(Token name)
    {
        if (!Functions.TryGetArity(name.Text!, out _, out _))
        {
            throw new ExpressionException(name.Position, $"unknown function '{name.Text}'; allowed: {Functions.Allowed}");
        }
        int open = _current.Position;
        Advance();
        var arguments = new List<SyntaxNode>();
        if (_current.Kind != TokenKind.RightParen)
        {
            while (true)
            {
                arguments.Add(ParseTernary());
                if (_current.Kind != TokenKind.Comma) break;
                Advance();
            }
        }
        Expect(TokenKind.RightParen, $"',' or ')' to close the '(' at {open}");
        if (Functions.ArityError(name.Text!, arguments.Count) is { } error) throw new ExpressionException(name.Position, error);
        return Checked(new CallNode(name.Text!, [.. arguments], name.Position));
    }

    private SyntaxNode ParseReference(Token root)
    {
        if (!_roots.Contains(root.Text!))
        {
            throw new ExpressionException(root.Position, $"unknown name '{root.Text}'; a reference starts with one of: {_roots}");
        }
        var segments = new List<string> { root.Text! };
        while (true)
        {
            if (_current.Kind == TokenKind.Dot)
            {
                Advance();
                if (_current.Kind != TokenKind.Identifier)
                {
                    throw new ExpressionException(_current.Position,
                        $"expected a member name after '.', found {Describe(_current)}; write other names as ['name']");
                }
                segments.Add(_current.Text!);
                Advance();
            }
            else if (_current.Kind == TokenKind.LeftBracket)
            {
                Advance();
                if (_current.Kind != TokenKind.String)
                {
                    throw new ExpressionException(_current.Position, $"expected a quoted name in brackets, as in ['corpus-select'], found {Describe(_current)}");
                }
                if (_current.Text!.Length == 0) throw new ExpressionException(_current.Position, "a member name in brackets must not be empty");
                segments.Add(_current.Text);
                Advance();
                Expect(TokenKind.RightBracket, "']' after the member name");
            }
            else
            {
                break;
            }
        }
        var path = new ReferencePath(segments, root.Position);
        _references.Add(path);
        return new ReferenceNode(path);
    }

    private void Expect(TokenKind kind, string what)
    {
        if (_current.Kind != kind) throw new ExpressionException(_current.Position, $"expected {what}, found {Describe(_current)}");
        Advance();
    }

    private static SyntaxNode Checked(SyntaxNode node) =>
        node.Depth > ExpressionLimits.MaxDepth ? throw TooDeep(node.Position) : node;

    private static ExpressionException TooDeep(int position) =>
        new(position, $"the expression nests deeper than {ExpressionLimits.MaxDepth} levels; split it up");

    private string Describe(Token token)
    {
        if (token.Kind == TokenKind.End)
        {
            return _segmentStart >= 0 ? "the end of the text" : "the end of the expression";
        }
        string text = _text.Substring(token.Position, token.Length);
        return text.Length <= 24 ? $"'{text}'" : $"'{text[..24]}...'";
    }
}

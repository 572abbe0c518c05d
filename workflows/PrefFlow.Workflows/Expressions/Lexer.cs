using System.Globalization;
using System.Text;

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// Splits expression text into tokens on demand. In a binding segment, '}' is a token that ends the segment;
/// in a plain expression it is an unexpected character.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly bool _inSegment;
    private int _index;

    public Lexer(string text, int start, bool inSegment)
    {
        _text = text;
        _index = start;
        _inSegment = inSegment;
    }

    /// <summary>The offset just past the last token read.</summary>
    public int Index => _index;

    public Token Next()
    {
        while (_index < _text.Length && _text[_index] is ' ' or '\t' or '\r' or '\n') _index++;
        int start = _index;
        if (start >= _text.Length) return new Token(TokenKind.End, _text.Length, 0);
        char c = _text[start];
        if (IsDigit(c)) return ReadNumber(start);
        if (IsIdentifierStart(c))
        {
            _index++;
            while (_index < _text.Length && IsIdentifierPart(_text[_index])) _index++;
            return new Token(TokenKind.Identifier, start, _index - start, _text[start.._index]);
        }
        if (c is '\'' or '"') return ReadString(start, c);
        char next = start + 1 < _text.Length ? _text[start + 1] : '\0';
        (TokenKind kind, int length) = c switch
        {
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            '}' when _inSegment => (TokenKind.RightBrace, 1),
            '.' => (TokenKind.Dot, 1),
            ',' => (TokenKind.Comma, 1),
            '?' => (TokenKind.Question, 1),
            ':' => (TokenKind.Colon, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            '!' when next == '=' => (TokenKind.BangEqual, 2),
            '!' => (TokenKind.Bang, 1),
            '<' when next == '=' => (TokenKind.LessEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when next == '=' => (TokenKind.GreaterEqual, 2),
            '>' => (TokenKind.Greater, 1),
            '=' when next == '=' => (TokenKind.EqualEqual, 2),
            '&' when next == '&' => (TokenKind.AndAnd, 2),
            '|' when next == '|' => (TokenKind.OrOr, 2),
            '=' => throw new ExpressionException(start, "unexpected '='; compare with '=='"),
            '&' => throw new ExpressionException(start, "unexpected '&'; the 'and' operator is '&&'"),
            '|' => throw new ExpressionException(start, "unexpected '|'; the 'or' operator is '||'"),
            _ => throw new ExpressionException(start, $"unexpected character {DescribeChar(c)}"),
        };
        _index += length;
        return new Token(kind, start, length);
    }

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    /// <summary>Whether <paramref name="name"/> matches [A-Za-z_][A-Za-z0-9_]*.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !IsIdentifierStart(name[0])) return false;
        foreach (char c in name.AsSpan(1))
        {
            if (!IsIdentifierPart(c)) return false;
        }
        return true;
    }

    /// <summary>A single-quoted string literal that reads back as <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\'': text.Append(@"\'"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                case < ' ': text.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        return text.Append('\'').ToString();
    }

    private static string DescribeChar(char c) =>
        c is < ' ' or > '~' ? $"U+{(int)c:X4}" : $"'{c}'";

    private Token ReadNumber(int start)
    {
        while (_index < _text.Length && IsDigit(_text[_index])) _index++;
        bool real = false;
        if (_index + 1 < _text.Length && _text[_index] == '.' && IsDigit(_text[_index + 1]))
        {
            real = true;
            _index++;
            while (_index < _text.Length && IsDigit(_text[_index])) _index++;
        }
        if (_index < _text.Length && _text[_index] is 'e' or 'E')
        {
            int digits = _index + 1;
            if (digits < _text.Length && _text[digits] is '+' or '-') digits++;
            if (digits >= _text.Length || !IsDigit(_text[digits]))
            {
                throw new ExpressionException(_index, "a number's exponent needs digits, as in 1e-3");
            }
            real = true;
            _index = digits;
            while (_index < _text.Length && IsDigit(_text[_index])) _index++;
        }
        if (_index < _text.Length && IsIdentifierPart(_text[_index]))
        {
            throw new ExpressionException(start, $"invalid number: '{_text[start.._index]}' is followed by '{_text[_index]}'");
        }
        ReadOnlySpan<char> digitsText = _text.AsSpan(start, _index - start);
        if (!real)
        {
            if (!long.TryParse(digitsText, NumberStyles.None, CultureInfo.InvariantCulture, out long integer))
            {
                throw new ExpressionException(start, $"the integer {digitsText} is too large; integers are at most {long.MaxValue}");
            }
            return new Token(TokenKind.Integer, start, _index - start, Integer: integer);
        }
        double value = double.Parse(digitsText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value)) throw new ExpressionException(start, $"the number {digitsText} is too large");
        return new Token(TokenKind.Real, start, _index - start, Real: value);
    }

    private Token ReadString(int start, char quote)
    {
        var value = new StringBuilder();
        _index++;
        while (true)
        {
            if (_index >= _text.Length) throw new ExpressionException(start, $"the string has no closing {quote}");
            char c = _text[_index];
            if (c == quote)
            {
                _index++;
                return new Token(TokenKind.String, start, _index - start, value.ToString());
            }
            if (c != '\\')
            {
                value.Append(c);
                _index++;
                continue;
            }
            if (_index + 1 >= _text.Length) throw new ExpressionException(start, $"the string has no closing {quote}");
            char escape = _text[_index + 1];
            switch (escape)
            {
                case '\\' or '\'' or '"': value.Append(escape); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u':
                    if (_index + 6 > _text.Length ||
                        !ushort.TryParse(_text.AsSpan(_index + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        throw new ExpressionException(_index, @"the escape \u needs four hex digits, as in \u00e9");
                    }
                    value.Append((char)code);
                    _index += 4;
                    break;
                default:
                    throw new ExpressionException(_index,
                        $@"unknown escape '\{escape}'; use \\, \', \"", \n, \r, \t or \uXXXX");
            }
            _index += 2;
        }
    }
}

namespace PrefFlow.Workflows.Expressions;

internal enum TokenKind
{
    End,
    Integer,
    Real,
    String,
    Identifier,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    RightBrace,
    Dot,
    Comma,
    Question,
    Colon,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Bang,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    BangEqual,
    AndAnd,
    OrOr,
}

/// <summary>One token: its kind, where it starts and how long it is; literals carry their value.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, int Length, string? Text = null, long Integer = 0, double Real = 0);

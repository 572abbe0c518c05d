namespace PrefFlow.Host.Security;

/// <summary>
/// What an API key may do. Every role reads; an editor also writes definitions, an operator also starts, stops and
/// deletes runs and manages schedules, and an admin does everything, including managing keys.
/// </summary>
internal enum Role
{
    Viewer,
    Editor,
    Operator,
    Admin,
}

namespace PrefFlow.Host.Api.Keys;

/// <summary>The body of POST /api/keys.</summary>
/// <param name="Name">What the key is for ("ci", "alice").</param>
/// <param name="Role">viewer, editor, operator or admin.</param>
internal sealed record CreateKeyRequest(string Name, string Role);

namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "api_keys" table.</summary>
internal sealed class ApiKeyRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static ApiKeyRow From(ApiKeyRecord record) => new()
    {
        Id = record.Id,
        Name = record.Name,
        Role = record.Role,
        Sha256 = record.Sha256,
        CreatedAt = record.CreatedAt,
        RevokedAt = record.RevokedAt,
    };

    public ApiKeyRecord ToRecord() => new(Id, Name, Role, Sha256, CreatedAt, RevokedAt);
}

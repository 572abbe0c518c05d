using Microsoft.AspNetCore.Authorization;

namespace PrefFlow.Host.Security;

/// <summary>The authorization policies endpoints name, each a set of roles.</summary>
internal static class Policies
{
    /// <summary>Any valid key: reading definitions, runs, schedules and activities.</summary>
    public const string Read = "read";

    /// <summary>Creating, editing and publishing definitions.</summary>
    public const string EditDefinitions = "edit-definitions";

    /// <summary>Starting, cancelling, resuming and deleting runs; managing schedules.</summary>
    public const string OperateRuns = "operate-runs";

    /// <summary>Managing API keys.</summary>
    public const string ManageKeys = "manage-keys";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.RequireRole(Names(Role.Viewer, Role.Editor, Role.Operator, Role.Admin)));
        options.AddPolicy(EditDefinitions, policy => policy.RequireRole(Names(Role.Editor, Role.Admin)));
        options.AddPolicy(OperateRuns, policy => policy.RequireRole(Names(Role.Operator, Role.Admin)));
        options.AddPolicy(ManageKeys, policy => policy.RequireRole(Names(Role.Admin)));
        // An endpoint that names no policy is refused rather than left open by mistake.
        options.FallbackPolicy = options.GetPolicy(Read);
    }

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    private static string[] Names(params Role[] roles) => [.. roles.Select(Name)];
}

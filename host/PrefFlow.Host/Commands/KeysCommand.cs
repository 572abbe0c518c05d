using System.CommandLine;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Security;
using PrefFlow.Storage.State;
using Spectre.Console;

namespace PrefFlow.Host.Commands;

/// <summary>
/// <c>prefflow keys create|list|revoke</c>: API keys of the server, in its state store (so every host of a cluster
/// accepts them). The first admin key is made here; later ones can also come from POST /api/keys.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Manage the server's API keys (stored hashed in the state store).");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var role = new Option<string>("--role") { Description = "viewer, editor (definitions), operator (runs and schedules) or admin (keys).", Required = true };
        var name = new Option<string>("--name") { Description = "What the key is for.", DefaultValueFactory = _ => "cli" };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("create", "Create an API key and print its secret (shown once, stored only as a hash).") { role, name, dataDir };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            Role parsed = ApiKeys.ParseRole(result.GetValue(role))
                ?? throw new UserInputException($"--role '{result.GetValue(role)}' is not one of viewer, editor, operator, admin");
            IStateStore state = await OpenAsync(result.GetValue(dataDir), token).ConfigureAwait(false);
            (string secret, ApiKeyRecord record) = ApiKeys.Create(result.GetValue(name)!, parsed, DateTimeOffset.UtcNow);
            await state.CreateApiKeyAsync(record, token).ConfigureAwait(false);
            Console.Error.WriteLine($"created key {record.Id} ({record.Role}); its secret follows and is not shown again:");
            Console.Out.WriteLine(secret);
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }

    private static Command ListKeys()
    {
        var dataDir = CommonOptions.DataDir();
        var command = new Command("list", "List the API keys (never their secrets).") { dataDir };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            IStateStore state = await OpenAsync(result.GetValue(dataDir), token).ConfigureAwait(false);
            var table = new Table().AddColumns("id", "name", "role", "created", "revoked");
            foreach (ApiKeyRecord key in await state.ListApiKeysAsync(token).ConfigureAwait(false))
            {
                table.AddRow(key.Id, Markup.Escape(key.Name), key.Role, $"{key.CreatedAt:u}", key.RevokedAt is { } at ? $"{at:u}" : "");
            }
            AnsiConsole.Write(table);
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<string>("id") { Description = "The key's id (see 'prefflow keys list')." };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("revoke", "Revoke an API key.") { id, dataDir };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            IStateStore state = await OpenAsync(result.GetValue(dataDir), token).ConfigureAwait(false);
            if (!await state.RevokeApiKeyAsync(result.GetValue(id)!, DateTimeOffset.UtcNow, token).ConfigureAwait(false))
            {
                throw new UserInputException($"no valid key has the id '{result.GetValue(id)}'");
            }
            Console.Out.WriteLine($"revoked {result.GetValue(id)}");
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }

    private static async Task<IStateStore> OpenAsync(string? dataDir, CancellationToken cancellationToken)
    {
        string folder = DataFolder.Resolve(dataDir);
        Directory.CreateDirectory(folder);
        return await StateStoreFactory.OpenAsync(StoreSettings.State(folder), cancellationToken).ConfigureAwait(false);
    }
}

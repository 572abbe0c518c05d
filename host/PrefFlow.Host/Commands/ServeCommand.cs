using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using PrefFlow.Host.Server;

namespace PrefFlow.Host.Commands;

/// <summary>
/// <c>prefflow serve</c>: the HTTP API, executing runs and firing schedules; with PREFFLOW_CLUSTER=1 and PostgreSQL,
/// one host of several sharing the work.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("serve", "Serve the HTTP API (OpenAPI at /openapi/v1.json, reference UI at /scalar, health at /health).") { urls, dataDir };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            WebApplication app = await ServerApp.BuildAsync(["--urls", result.GetValue(urls)!], result.GetValue(dataDir), token).ConfigureAwait(false);
            // Ctrl+C or SIGTERM stops the host; its runs are then recovered (by another host, or by this one when it starts again).
            await ((IHost)app).RunAsync(token).ConfigureAwait(false);
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }
}

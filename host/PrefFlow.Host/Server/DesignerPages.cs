using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using PrefFlow.Host.Api.Problems;

namespace PrefFlow.Host.Server;

/// <summary>
/// Serves the web designer (built into wwwroot by the host's build) at "/": its files without a key (the app asks for
/// one and sends it with every API call), and index.html for every other path outside /api so that links into the app
/// (e.g. /runs/abc) open it. Unknown /api paths stay 404s.
/// </summary>
internal static class DesignerPages
{
    private const string IndexFile = "index.html";

    public static void UseFiles(WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            // Vite names built assets by their content hash: they never change, index.html always may.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
    }

    public static void MapFallback(WebApplication app)
    {
        app.MapFallback(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                throw ApiException.NotFound($"no API endpoint answers {context.Request.Method} {context.Request.Path}; see /scalar for the API reference");
            }
            IFileInfo index = app.Environment.WebRootFileProvider.GetFileInfo(IndexFile);
            context.Response.Headers.CacheControl = "no-cache";
            if (!index.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("The web designer was not built into this server: the build needs node and npm (scripts/setup.sh installs them); rebuild, then reload. The API works without it: see /scalar.").ConfigureAwait(false);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index).ConfigureAwait(false);
        }).AllowAnonymous();
    }
}

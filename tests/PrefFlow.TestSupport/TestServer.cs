using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace PrefFlow.TestSupport;

/// <summary>
/// A real <c>prefflow serve</c> process on a free loopback port, with a data folder (or the given environment's
/// stores) and one API key per role made with <c>prefflow keys create</c> before it starts.
/// </summary>
public sealed class TestServer : IDisposable
{
    private TestServer(RunningPrefFlow process, Uri address, string dataFolder, IReadOnlyDictionary<string, string> keys, IReadOnlyDictionary<string, string> environment)
    {
        (Process, Address, DataFolder, Keys, Environment) = (process, address, dataFolder, keys, environment);
    }

    public RunningPrefFlow Process { get; }

    public Uri Address { get; }

    public string DataFolder { get; }

    /// <summary>A key per role: viewer, editor, operator, admin.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public static readonly string[] Roles = ["viewer", "editor", "operator", "admin"];

    /// <summary>Starts a server; keys are created unless <paramref name="keys"/> hands over existing ones (a second host).</summary>
    public static TestServer Start(string dataFolder, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyDictionary<string, string>? keys = null)
    {
        environment ??= new Dictionary<string, string>();
        keys ??= Roles.ToDictionary(role => role, role => CreateKey(dataFolder, role, environment));
        int port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        RunningPrefFlow process = RunningPrefFlow.Start(environment, "serve", "--urls", address.ToString().TrimEnd('/'), "--data-dir", dataFolder);
        var server = new TestServer(process, address, dataFolder, keys, environment);
        server.WaitUntilHealthy(TimeSpan.FromSeconds(60));
        return server;
    }

    public static string CreateKey(string dataFolder, string role, IReadOnlyDictionary<string, string> environment)
    {
        using RunningPrefFlow created = RunningPrefFlow.Start(environment, "keys", "create", "--role", role, "--name", $"test-{role}", "--data-dir", dataFolder);
        int exit = created.WaitForExit(TimeSpan.FromSeconds(60));
        return exit == 0 ? created.StandardOutput.Trim() : throw new InvalidOperationException($"prefflow keys create exited {exit}:\n{created.Output}");
    }

    /// <summary>A client sending <paramref name="role"/>'s key; none for null.</summary>
    public HttpClient Client(string? role)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keys[role]);
        return client;
    }

    public void Dispose() => Process.Dispose();

    private void WaitUntilHealthy(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (client.GetAsync(new Uri("/health", UriKind.Relative)).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the server did not become healthy in {timeout.TotalSeconds} s:\n{Process.Output}");
            Thread.Sleep(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

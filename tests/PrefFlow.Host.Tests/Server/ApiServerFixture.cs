namespace PrefFlow.Host.Tests.Server;

/// <summary>One server on SQLite and a folder for a test class, with a small body limit so oversized bodies are cheap to send.</summary>
public sealed class ApiServerFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "prefflow-api-" + Guid.NewGuid().ToString("N"));

    public ApiServerFixture()
    {
        Server = TestServer.Start(_folder, new Dictionary<string, string> { ["PREFFLOW_MAX_BODY_BYTES"] = "65536", ["PREFFLOW_AUTH_FAILURES"] = "1000" });
    }

    internal TestServer Server { get; }

    public void Dispose()
    {
        Server.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping process: the temp folder is cleaned later.
        }
    }
}

using Azure;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class AzureFailuresTests
{
    private const string Endpoint = "https://account.blob.core.windows.net/artifacts";

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(412, false)]
    public void A_service_answer_is_transient_for_timeouts_throttling_and_server_errors(int status, bool transient)
    {
        ArtifactStoreException? e = AzureFailures.Translate(
            new RequestFailedException(status, "the service said no", "SomeCode", null), "read the artifact x", Endpoint, CancellationToken.None);

        Assert.NotNull(e);
        Assert.Equal(transient, e.IsTransient);
        Assert.Equal(status, e.Status);
        Assert.Equal("SomeCode", e.ErrorCode);
        Assert.Equal($"the Azure blob container {Endpoint} failed to read the artifact x: HTTP {status} SomeCode.", e.Message);
    }

    [Fact]
    public void Network_failures_and_timeouts_are_transient()
    {
        var refused = new RequestFailedException("connection refused", new HttpRequestException("Connection refused (127.0.0.1:9)"));
        var exhausted = new AggregateException(refused, refused);
        var timeout = new TaskCanceledException("the request timed out");

        foreach (Exception failure in new Exception[] { refused, exhausted, timeout, new HttpRequestException("reset"), new IOException("reset") })
        {
            ArtifactStoreException? e = AzureFailures.Translate(failure, "list the artifacts", Endpoint, CancellationToken.None);
            Assert.NotNull(e);
            Assert.True(e.IsTransient, failure.GetType().Name);
            Assert.Equal(0, e.Status);
            Assert.Same(failure, e.InnerException);
        }
        Assert.Contains("after 2 tries", AzureFailures.Translate(exhausted, "list", Endpoint, CancellationToken.None)!.Message);
    }

    [Fact]
    public void The_callers_cancellation_and_the_stores_own_errors_are_not_translated()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Null(AzureFailures.Translate(new OperationCanceledException(cancellation.Token), "put", Endpoint, cancellation.Token));
        Assert.Null(AzureFailures.Translate(ArtifactCorruptedException.Missing(new string('0', 64)), "read", Endpoint, CancellationToken.None));
        Assert.Null(AzureFailures.Translate(new InvalidOperationException("a bug"), "read", Endpoint, CancellationToken.None));
    }
}

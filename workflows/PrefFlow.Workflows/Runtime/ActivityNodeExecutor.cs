using Polly;
using Polly.Retry;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Executes one activity node: evaluates its inputs, reuses its committed outputs when the same work was done
/// before and its blobs still verify (in this run, or in any run with <see cref="EngineOptions.ReuseWorkAcrossRuns"/>),
/// and otherwise runs the activity with retries, committing its outputs only after every output blob is verified.
/// </summary>
internal sealed class ActivityNodeExecutor(RunExecution run)
{
    // Polly's limit for one delay: a day.
    private const double MaxBackoffSeconds = 86_400;

    public async Task<JsonObject> ExecuteAsync(NodeDefinition node, RuntimeScope scope, CancellationToken cancellationToken)
    {
        string path = scope.PathOf(node.Id);
        IActivity activity = run.Activities.Get(node.Activity!);
        ActivityDescriptor descriptor = activity.Descriptor;
        JsonObject inputs = InputEvaluator.Evaluate(node, descriptor, scope, path);
        ulong seed = NodeSeed.Derive(run.Seed, path);
        string inputHash = CanonicalJson.Sha256(new JsonObject
        {
            ["activity"] = descriptor.Name,
            ["version"] = descriptor.Version,
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["inputs"] = inputs.DeepClone(),
        });

        if (await TryReuseAsync(path, descriptor, inputHash, cancellationToken).ConfigureAwait(false) is { } reused) return reused;
        if (!run.Options.ReuseWorkAcrossRuns) return await ComputeAsync(node, activity, path, seed, inputHash, inputs, cancellationToken).ConfigureAwait(false);
        return await new SharedWork(run).ExecuteAsync(path, descriptor, inputHash, inputs,
            () => ComputeAsync(node, activity, path, seed, inputHash, inputs, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> ComputeAsync(
        NodeDefinition node, IActivity activity, string path, ulong seed, string inputHash, JsonObject inputs, CancellationToken cancellationToken)
    {
        ResiliencePipeline pipeline = BuildPipeline(path, node.Retry);
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await AttemptAsync(activity, path, seed, inputHash, inputs, node.Retry, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not LeaseLostException && (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            string attempts = ErrorClassifier.Classify(error) == ErrorKind.Transient ? $" after {Attempts(node.Retry)} attempts" : "";
            throw new NodeFailedException(path, $"node '{path}' (activity '{activity.Descriptor.Name}') failed{attempts}: {ErrorClassifier.Describe(error)}");
        }
    }

    private async Task<JsonObject?> TryReuseAsync(string path, ActivityDescriptor descriptor, string inputHash, CancellationToken cancellationToken)
    {
        NodeExecutionRecord? committed = run.CommittedBefore(path);
        if (committed is null || committed.InputHash != inputHash) return null;
        JsonObject? outputs = await CommittedOutputs.VerifyAsync(run, path, descriptor, committed, cancellationToken).ConfigureAwait(false);
        if (outputs is null) return null;
        await run.Journal.WriteAsync("node.reused", path, $"reused the outputs committed by attempt {committed.Attempt}").ConfigureAwait(false);
        return outputs;
    }

    private async Task<JsonObject> AttemptAsync(
        IActivity activity, string path, ulong seed, string inputHash, JsonObject inputs, RetryDefinition? retry, CancellationToken cancellationToken)
    {
        await run.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            int attempt = run.NextAttempt(path);
            JournalEntry started = run.Journal.Entry("node.started", path, $"attempt {attempt} of '{activity.Descriptor.Name}' started");
            NodeExecutionRecord record = await run.State.StartNodeAsync(new NodeExecutionRecord(
                0, run.RunId, path, activity.Descriptor.Name, attempt, NodeStatus.Running, inputHash, CanonicalJson.Write(inputs),
                run.Time.GetUtcNow(), Owner: run.Owner), started, cancellationToken).ConfigureAwait(false);
            run.Journal.Notify(started);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            TimeSpan? limit = retry?.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : run.Options.DefaultTimeout;
            if (limit is { } span) timeout.CancelAfter(span);
            try
            {
                var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                foreach ((string name, JsonNode? value) in inputs) values[name] = value;
                var context = new ActivityExecutionContext(run, path, seed, attempt, inputHash, new ActivityInputs(values));
                DateTimeOffset began = run.Time.GetUtcNow();
                IReadOnlyDictionary<string, JsonNode?> produced = await activity.ExecuteAsync(context, timeout.Token).ConfigureAwait(false);
                DateTimeOffset ended = run.Time.GetUtcNow();
                JsonObject outputs = await OutputValidator.ValidateAsync(activity.Descriptor, produced, run.Artifacts, cancellationToken).ConfigureAwait(false);
                // The activity's own span, apart from the engine's bookkeeping around it, for the overhead figures.
                var data = new JsonObject { ["outputs"] = outputs.DeepClone(), ["activityStartedAt"] = began, ["activityEndedAt"] = ended };
                JournalEntry committed = run.Journal.Entry("node.committed", path, $"attempt {attempt} committed its outputs", data);
                await run.State.CompleteNodeAsync(record.Id, CanonicalJson.Write(outputs), run.Time.GetUtcNow(), committed, CancellationToken.None).ConfigureAwait(false);
                run.Journal.Notify(committed);
                return outputs;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var timedOut = new TimeoutException($"the attempt timed out after {limit!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
                await EndAsync(record, NodeStatus.Failed, timedOut).ConfigureAwait(false);
                throw timedOut;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                if (run.LeaseLost) throw new LeaseLostException(run.RunId, run.Owner);
                await run.State.EndNodeAsync(record.Id, NodeStatus.Cancelled, run.CancelReason, null, run.Time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                await run.Journal.WriteAsync("node.cancelled", path, $"attempt {attempt} stopped: {run.CancelReason}").ConfigureAwait(false);
                throw;
            }
            catch (LeaseLostException)
            {
                // Another process owns the run and its attempts now: record nothing, stop.
                throw;
            }
            catch (Exception error)
            {
                await EndAsync(record, NodeStatus.Failed, error).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            run.Slots.Release();
        }
    }

    private async Task EndAsync(NodeExecutionRecord record, NodeStatus status, Exception error)
    {
        ErrorKind kind = ErrorClassifier.Classify(error);
        string message = ErrorClassifier.Describe(error);
        await run.State.EndNodeAsync(record.Id, status, message, kind, run.Time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        var data = new JsonObject { ["attempt"] = record.Attempt, ["kind"] = kind.ToString(), ["exception"] = error.GetType().FullName };
        if (error is not ActivityException) data["detail"] = error.ToString();
        await run.Journal.WriteAsync("incident", record.NodePath, $"attempt {record.Attempt} failed ({kind.ToString().ToLowerInvariant()}): {message}", data).ConfigureAwait(false);
    }

    private ResiliencePipeline BuildPipeline(string path, RetryDefinition? retry)
    {
        int attempts = Attempts(retry);
        if (attempts <= 1) return ResiliencePipeline.Empty;
        TimeSpan backoff = retry?.BackoffSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoffSeconds)) : run.Options.DefaultBackoff;
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = attempts - 1,
            Delay = backoff,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(error => error is not OperationCanceledException && ErrorClassifier.Classify(error) == ErrorKind.Transient),
            OnRetry = async arguments =>
            {
                string wait = arguments.RetryDelay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                await run.Journal.WriteAsync("node.retrying", path, $"retrying in {wait} s (retry {arguments.AttemptNumber + 1} of {attempts - 1})").ConfigureAwait(false);
            },
        }).Build();
    }

    private int Attempts(RetryDefinition? retry) => retry?.Attempts ?? run.Options.DefaultAttempts;
}

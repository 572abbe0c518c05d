using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PrefFlow.Host.Rendering;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Api.Runs;

/// <summary>
/// A run's journal as server-sent events: every entry after the client's Last-Event-ID (or ?after=), then new ones as
/// any host of the cluster appends them (the journal is in the shared state store), ending with an "end" event once
/// the run stopped.
/// </summary>
internal static class RunEventStream
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<IResult> StreamAsync(string id, HttpRequest request, RunService runs, IStateStore state, long? after = null, CancellationToken cancellationToken = default)
    {
        await runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        long from = long.TryParse(request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out long last) ? last : after ?? 0;
        return TypedResults.ServerSentEvents(EventsAsync(id, from, state, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<JsonObject>> EventsAsync(string id, long after, IStateStore state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool ended = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<JournalEntry> entries;
            try
            {
                entries = await state.ReadJournalAsync(id, after, 1000, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyNotFoundException)
            {
                yield break; // deleted while followed
            }
            foreach (JournalEntry entry in entries)
            {
                yield return new SseItem<JsonObject>(JournalJson.Of(entry), entry.Kind) { EventId = entry.Sequence.ToString(CultureInfo.InvariantCulture) };
                after = entry.Sequence;
            }
            if (entries.Count == 1000) continue;
            if (ended)
            {
                RunRecord? final = await state.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
                yield return new SseItem<JsonObject>(new JsonObject { ["status"] = final?.Status.ToString().ToLowerInvariant() }, "end");
                yield break;
            }
            RunRecord? run = await state.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
            // The last entries of a run are written just after its status: read once more before ending.
            if (run is null || run.Status is not (RunStatus.Pending or RunStatus.Running)) ended = true;
            else await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }
}

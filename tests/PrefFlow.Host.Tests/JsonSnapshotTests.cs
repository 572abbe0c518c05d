using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace PrefFlow.Host.Tests;

/// <summary>
/// The CLI's JSON is an interface scripts depend on: its shape is kept in snapshots. Values that differ from run to
/// run or machine to machine (times, hashes, byte lengths, floating-point metrics) are left out of the comparison.
/// </summary>
[Collection(MiniRunCollection.Name)]
public sealed class JsonSnapshotTests(MiniRun finished)
{
    [Fact]
    public void Status_json_keeps_its_shape()
    {
        var status = PrefFlowProcess.Run("status", finished.RunId, "--data-dir", finished.DataFolder, "--json");

        Assert.Equal(0, status.ExitCode);
        JToken json = JToken.Parse(status.Output);
        Mask(json);
        // Nodes that start together (independent branches) are listed in the order they happened to start.
        json["nodes"] = new JArray(json["nodes"]!.OrderBy(node => (string)node["path"]!, StringComparer.Ordinal));
        json["artifacts"] = new JArray(json["artifacts"]!.OrderBy(artifact => $"{artifact["node"]} {artifact["output"]}", StringComparer.Ordinal));
        Snapshot.Match(json);
    }

    private static readonly HashSet<string> Varying =
        ["createdAt", "startedAt", "finishedAt", "seconds", "timing", "sha256", "length", "metrics", "outputs"];

    // Replaces the values that differ between runs and machines, keeping their names, so the snapshot holds the shape.
    private static void Mask(JToken token)
    {
        if (token is JObject json)
        {
            foreach (JProperty property in json.Properties())
            {
                if (Varying.Contains(property.Name) && property.Value.Type != JTokenType.Null) property.Value = "(varies)";
                else Mask(property.Value);
            }
        }
        else if (token is JArray list)
        {
            foreach (JToken item in list) Mask(item);
        }
    }

    [Fact]
    public void Validate_json_keeps_its_shape()
    {
        string file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {"id": "bad-example", "version": 1, "name": "x",
             "nodes": [{"id": "a", "activity": "sample", "inputs": {"temperature": 0, "policy": "${nodes.b.outputs.policy}"}},
                       {"id": "b", "activity": "tran"}],
             "edges": [{"from": "a", "to": "b"}]}
            """);
        try
        {
            var result = PrefFlowProcess.Run("validate", file, "--json");

            Assert.Equal(1, result.ExitCode);
            Snapshot.Match(JToken.Parse(result.Output));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

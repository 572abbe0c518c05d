using PrefFlow.Activities;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Rendering;
using PrefFlow.Workflows.Definitions;
using System.CommandLine;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow validate &lt;definition&gt;</c>: checks a definition without running it.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var definition = new Argument<string>("definition") { Description = "A definition's JSON file, or a built-in definition's name." };
        var json = CommonOptions.Json("the result ({\"valid\": ..., \"errors\": [{\"pointer\", \"reason\"}]})");
        var command = new Command("validate", "Check a workflow definition: every error with its JSON pointer and reason; exit 1 when it is not valid.") { definition, json };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(token =>
        {
            string text = DefinitionSource.Read(result.GetValue(definition)!);
            DefinitionReadResult loaded = DefinitionLoader.Load(text, BuiltInActivities.Descriptors);
            if (result.GetValue(json))
            {
                var errors = loaded.Errors.Select(error => (JsonNode)new JsonObject { ["pointer"] = error.Pointer, ["reason"] = error.Reason }).ToArray();
                Console.Out.WriteLine(new JsonObject { ["valid"] = loaded.Succeeded, ["errors"] = new JsonArray(errors) }.ToJsonString(RunJson.Indented));
            }
            else if (loaded.Succeeded)
            {
                WorkflowDefinition valid = loaded.Definition!;
                Console.Out.WriteLine($"{valid.Id} v{valid.Version}: valid ({valid.Nodes.Count} top-level nodes, {valid.Parameters.Count} parameters).");
            }
            else
            {
                foreach (DefinitionError error in loaded.Errors) Console.Out.WriteLine(error.Pointer.Length == 0 ? error.Reason : $"{error.Pointer}: {error.Reason}");
            }
            return Task.FromResult(loaded.Succeeded ? CliAction.Succeeded : CliAction.RunDidNotSucceed);
        }, cancellationToken));
        return command;
    }
}

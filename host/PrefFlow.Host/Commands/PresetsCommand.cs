using System.CommandLine;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Tasks;
using Spectre.Console;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow presets</c>: the model size presets and their parameter counts.</summary>
internal static class PresetsCommand
{
    public static Command Create()
    {
        var command = new Command("presets", "List the model size presets with their shapes and parameter counts.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("preset", "layers", "heads", "width", "context", "parameters");
            foreach (string name in PolicyPresets.Names)
            {
                var config = PolicyPresets.Get(name, new TaskOptions());
                table.AddRow(name, $"{config.Layers}", $"{config.Heads}", $"{config.EmbeddingSize}", $"{config.ContextLength}", $"{config.ParameterCount:N0}");
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Tests;

public sealed class DescriptorTests
{
    private static readonly IReadOnlyList<ActivityDescriptor> All = BuiltInActivities.Descriptors.Activities;

    public static TheoryData<string> Names() => [.. All.Select(a => a.Name)];

    [Fact]
    public void The_built_in_activities_are_the_pipeline_in_order()
    {
        Assert.Equal(["task", "pretrain", "prompts", "sample", "score", "instance-select", "corpus-select", "oracle", "train", "eval"], All.Select(a => a.Name));
        var activities = new BuiltInActivities(Harness.Cpu);
        Assert.Equal(All, activities.Registry.Activities);
        Assert.Equal(All, activities.All.Select(a => a.Descriptor));
        Assert.Equal("oracle", activities.Registry.Get("oracle").Descriptor.Name);
        Assert.False(activities.Registry.TryGet("Oracle", out _));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_descriptor_is_complete_for_the_designer(string name)
    {
        Assert.True(BuiltInActivities.Descriptors.TryGet(name, out var descriptor));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Category));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description));
        Assert.Equal(descriptor.Inputs.Count, descriptor.Inputs.Select(i => i.Name).Distinct().Count());
        Assert.Equal(descriptor.Outputs.Count, descriptor.Outputs.Select(o => o.Name).Distinct().Count());
        Assert.NotEmpty(descriptor.Outputs);
        foreach (var input in descriptor.Inputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(input.Description), $"{name}.{input.Name} has no description");
            // An optional artifact (instance-select's task, needed by one strategy) is the one input without a default.
            Assert.True(input.Default is not null || input.Required || input.Type == DataType.Artifact, $"{name}.{input.Name} is optional but has no default");
            if (input.Type == DataType.Artifact) Assert.Null(input.Default);
            if (input.AllowedValues is not null) Assert.Equal(DataType.String, input.Type);
            if (input.Minimum is not null || input.Maximum is not null) Assert.Contains(input.Type, new[] { DataType.Integer, DataType.Number });
            if (input.Minimum is double min && input.Maximum is double max) Assert.True(min < max, $"{name}.{input.Name}: empty range");
            if (input.Default is not null) Assert.True(Satisfies(input, input.Default), $"{name}.{input.Name}: default {input.Default.ToJsonString()} breaks its own rules");
        }
        foreach (var output in descriptor.Outputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(output.Description), $"{name}.{output.Name} has no description");
            if (output.IsMetric) Assert.Contains(output.Type, new[] { DataType.Integer, DataType.Number });
        }
    }

    [Fact]
    public void Metrics_are_marked_for_the_results_table()
    {
        string[] metrics = [.. All.SelectMany(a => a.Outputs.Where(o => o.IsMetric).Select(o => $"{a.Name}.{o.Name}"))];
        foreach (string expected in new[] { "corpus-select.kept", "oracle.rankingAccuracy", "train.loss", "eval.goldWinRate", "eval.judgeWinRate", "eval.kl", "eval.meanLength", "eval.exactMatch" })
        {
            Assert.Contains(expected, metrics);
        }
    }

    [Fact]
    public void Descriptors_serialise_to_json_for_the_designer()
    {
        string json = JsonSerializer.Serialize(All);
        var parsed = JsonNode.Parse(json)!.AsArray();
        Assert.Equal(All.Count, parsed.Count);
    }

    private static bool Satisfies(InputDescriptor input, JsonNode value)
    {
        if (value is not JsonValue v) return false;
        switch (input.Type)
        {
            case DataType.Integer:
            case DataType.Number:
                if (v.GetValueKind() != JsonValueKind.Number) return false;
                double number = JsonNode.Parse(v.ToJsonString())!.GetValue<double>();
                if (input.Type == DataType.Integer && number != Math.Floor(number)) return false;
                if (input.Minimum is double min && (input.ExclusiveMinimum ? number <= min : number < min)) return false;
                if (input.Maximum is double max && (input.ExclusiveMaximum ? number >= max : number > max)) return false;
                return true;
            case DataType.String:
                return v.GetValueKind() == JsonValueKind.String && (input.AllowedValues is null || input.AllowedValues.Contains(v.GetValue<string>()));
            case DataType.Boolean:
                return v.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
            default:
                return false;
        }
    }
}

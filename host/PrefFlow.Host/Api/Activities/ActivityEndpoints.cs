using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrefFlow.Host.Security;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Host.Api.Activities;

/// <summary>/api/activities: the toolbox a designer shows, every activity with its typed inputs and outputs.</summary>
internal static class ActivityEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/api/activities").WithTags("Activities").RequireAuthorization(Policies.Read);
        group.MapGet("/", (IActivityCatalog catalog) => Results.Ok(catalog.Activities.Select(Describe).ToList()))
            .WithSummary("Every activity: category, docs, inputs (type, default, range, allowed values) and outputs.");
        group.MapGet("/{name}", (string name, IActivityCatalog catalog) =>
                catalog.TryGet(name, out ActivityDescriptor? descriptor)
                    ? Results.Ok(Describe(descriptor))
                    : throw Problems.ApiException.NotFound($"no activity is named '{name}'; GET /api/activities lists them"))
            .WithSummary("One activity's descriptor.");
    }

    private static object Describe(ActivityDescriptor activity) => new
    {
        activity.Name,
        activity.Category,
        activity.Description,
        activity.Version,
        inputs = activity.Inputs.Select(input => new
        {
            input.Name,
            type = Type(input.Type),
            required = input.MustBeGiven,
            @default = input.Default?.DeepClone(),
            minimum = input.Minimum,
            maximum = input.Maximum,
            input.ExclusiveMinimum,
            input.ExclusiveMaximum,
            allowedValues = input.AllowedValues,
            input.Description,
        }).ToList(),
        outputs = activity.Outputs.Select(output => new { output.Name, type = Type(output.Type), metric = output.IsMetric, output.Description }).ToList(),
    };

    private static string Type(DataType type) => type.ToString().ToLowerInvariant();
}

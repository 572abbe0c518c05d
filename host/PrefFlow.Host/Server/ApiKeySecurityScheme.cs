using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PrefFlow.Host.Server;

/// <summary>Tells the OpenAPI document (and so the reference UI) that requests carry an API key as a bearer token.</summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    private const string Name = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from 'prefflow keys create --role ROLE', sent as 'Authorization: Bearer <key>'.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] }];
        return Task.CompletedTask;
    }
}

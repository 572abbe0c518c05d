using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PrefFlow.Activities;
using PrefFlow.Host.Api.Activities;
using PrefFlow.Host.Api.Definitions;
using PrefFlow.Host.Api.Keys;
using PrefFlow.Host.Api.Layouts;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Host.Api.Runs;
using PrefFlow.Host.Api.Schedules;
using PrefFlow.Host.Api.Session;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Scheduling;
using PrefFlow.Host.Security;
using PrefFlow.Host.Server.Health;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Runtime;
using Quartz;
using Scalar.AspNetCore;

namespace PrefFlow.Host.Server;

/// <summary>
/// The HTTP server: opens the stores, starts this host's Quartz schedulers of runs and of schedules' ticks (nodes of
/// the cluster when clustering is on), and serves the API, its OpenAPI document and reference UI, health checks and
/// the web designer.
/// </summary>
internal static class ServerApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, string? dataDirOption, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        IConfiguration configuration = builder.Configuration;
        string folder = DataFolder.Resolve(dataDirOption ?? configuration[DataFolder.Variable]);
        Directory.CreateDirectory(folder);
        ServerSettings settings = ServerSettings.From(configuration, folder);

        IStateStore state = await StateStoreFactory.OpenAsync(StoreSettings.State(folder, name => configuration[name]), cancellationToken).ConfigureAwait(false);
        IArtifactStore artifacts = await ArtifactStoreFactory.CreateAsync(StoreSettings.Artifacts(folder, name => configuration[name]), cancellationToken).ConfigureAwait(false);
        ActivityRegistry activities = EngineHost.Registry(null);
        // Runs on a server reuse work any run committed with the same inputs and seed: that is how a schedule continues
        // an experiment from its last iteration, and it is transparent (the same inputs and seed give the same outputs).
        var engine = new WorkflowEngine(state, artifacts, activities, new EngineOptions { ReuseWorkAcrossRuns = true });
        await BuiltInDefinitions.PublishAsync(activities, state, TimeProvider.System, cancellationToken).ConfigureAwait(false);

        SchedulerSettings scheduling = SchedulerSettings.From(folder, name => configuration[name]) with
        {
            ExecutesRecoveredWork = true,
            MaxConcurrency = settings.MaxRuns,
            CheckinInterval = settings.CheckinInterval,
        };
        // Each scheduler has its own container: its jobs log to the console as the web host does.
        void AddJobServices(IQuartzBuilder quartz)
        {
            quartz.Services.AddSingleton(state);
            quartz.Services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
            quartz.Services.AddSingleton(engine);
        }
        RunDispatcher dispatcher = await RunDispatcher.StartAsync(scheduling, engine, cancellationToken, quartz =>
        {
            AddJobServices(quartz);
            quartz.Services.AddSingleton<ScheduledRuns>();
            quartz.AddJobType<ExecuteSubmittedRunJob>();
        }).ConfigureAwait(false);
        ScheduleClock clock = await ScheduleClock.StartAsync(scheduling, dispatcher, settings.MisfireThreshold, AddJobServices, cancellationToken).ConfigureAwait(false);

        AddServices(builder, settings, state, artifacts, activities, engine, dispatcher, clock);
        WebApplication app = builder.Build();
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            clock.LeaveAsync().GetAwaiter().GetResult();
            dispatcher.LeaveAsync().GetAwaiter().GetResult();
        });
        UsePipeline(app);
        return app;
    }

    private static void AddServices(
        WebApplicationBuilder builder, ServerSettings settings, IStateStore state, IArtifactStore artifacts, ActivityRegistry activities, WorkflowEngine engine, RunDispatcher dispatcher, ScheduleClock clock)
    {
        IServiceCollection services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(state);
        services.AddSingleton(artifacts);
        services.AddSingleton<IActivityCatalog>(activities);
        services.AddSingleton(engine);
        services.AddSingleton(dispatcher);
        services.AddSingleton(clock);
        services.AddSingleton(new RunSummaryReader(state, activities));
        services.AddSingleton<DefinitionService>();
        services.AddSingleton<RunService>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton(new AuthFailureLimiter(settings.AuthFailuresPerMinute, TimeSpan.FromMinutes(1), TimeProvider.System));

        services.Configure<JsonOptions>(json =>
        {
            // A misspelt field is an error that names it, not a silently ignored value.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddOpenApi(options => options.AddDocumentTransformer<ApiKeySecurityScheme>());
        services.AddHealthChecks()
            .AddCheck<StateStoreHealthCheck>("state-store")
            .AddCheck<ArtifactStoreHealthCheck>("artifact-store")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource(Telemetry.Name).AddAspNetCoreInstrumentation();
                if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 }) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Telemetry.Name).AddAspNetCoreInstrumentation();
                if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 }) metrics.AddOtlpExporter();
            });
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        DesignerPages.UseFiles(app);
        app.UseMiddleware<AuthFailureGate>();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        DefinitionEndpoints.Map(app);
        LayoutEndpoints.Map(app);
        ActivityEndpoints.Map(app);
        RunEndpoints.Map(app);
        ScheduleEndpoints.Map(app);
        KeyEndpoints.Map(app);
        SessionEndpoints.Map(app);
        DesignerPages.MapFallback(app);
    }
}

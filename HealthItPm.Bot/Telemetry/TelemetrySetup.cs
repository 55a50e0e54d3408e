using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HealthItPm.Bot.Telemetry;

/// <summary>
/// OpenTelemetry for the host: the bot's own spans and metrics (<see cref="BotTelemetry"/>), ASP.NET Core's and
/// HttpClient's (the connector's calls), and the Azure SDK's (storage), every span through
/// <see cref="PersonalDataScrubber"/> before any exporter sees it. Logs are exported as the host writes them, after
/// the redaction of names and free text (Hosting/PersonalData). The exporters follow <see cref="TelemetryOptions"/>.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "HealthItPm.Bot";

    public static IServiceCollection AddHealthItPmTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[TelemetryOptions.ConnectionStringKey];
        var otlp = configuration[TelemetryOptions.OtlpEndpointKey];
        var console = configuration.GetValue<bool>($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Console)}");
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .Configure(o => (o.AzureMonitorConnectionString, o.OtlpEndpoint) = (connectionString, otlp))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The Azure SDK's spans (tables, queues) are opt-in.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);

        // The scrubber is added first: processors run in order, and every exporter comes after it.
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddProcessor(new PersonalDataScrubber()).AddSource(BotTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(BotTelemetry.Name));
        if (azureMonitor)
        {
            // The distro adds ASP.NET Core, HttpClient and the Azure SDK's sources itself, and the logs. Live Metrics
            // is off: it samples spans on its own path, not through the scrubber.
            telemetry.UseAzureMonitor(o => (o.ConnectionString, o.EnableLiveMetrics) = (connectionString, false));
        }
        else
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource("Azure.*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }

        if (console)
        {
            telemetry
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        return services;
    }
}

using HealthItPm.Bot.Telemetry;

namespace HealthItPm.Bot.Hosting;

/// <summary>The whole host, composed once: <c>Program.cs</c> runs it, tests start it with their own settings.</summary>
public static class HealthItPmHost
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPersonalDataRedaction();
        builder.Services
            .AddHealthItPmOptions(builder.Configuration)
            .AddHealthItPmTelemetry(builder.Configuration)
            .AddHealthItPmStorage()
            .AddHealthItPmBot()
            .AddHealthItPmProjects()
            .AddHealthItPmCheckIns()
            .AddHealthItPmReadiness()
            .AddHealthItPmRisks()
            .AddHealthItPmDigests()
            .AddHealthItPmGoLive()
            .AddHealthItPmScheduler()
            .AddHealthItPmDelivery();

        var app = builder.Build();
        app.UseRateLimiter();
        app.MapHealthItPmEndpoints();
        return app;
    }
}

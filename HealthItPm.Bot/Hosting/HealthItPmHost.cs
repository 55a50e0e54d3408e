using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Features.Health;
using HealthItPm.Bot.Features.Help;
using HealthItPm.Bot.Features.People;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Telemetry;

namespace HealthItPm.Bot.Hosting;

/// <summary>The whole host, composed once: <c>Program.cs</c> runs it, tests start it with their own settings.</summary>
public static class HealthItPmHost
{
    /// <summary>
    /// The bot's features, the one place a feature joins: each registers its folder (a kind of round included), and the
    /// start-up checks name what a feature, or a kind the domain declares and no feature registers, lacks.
    /// </summary>
    public static IReadOnlyList<IFeature> Features { get; } =
    [
        new HelpFeature(),
        new ProjectsFeature(),
        new PeopleFeature(),
        new AuditFeature(),
        new HealthFeature(),
        new CheckInsFeature(),
        new ReadinessFeature(),
        new RisksFeature(),
        new DigestsFeature(),
        new GoLiveFeature(),
    ];

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPersonalDataRedaction();
        builder.Services
            .AddHealthItPmOptions(builder.Configuration)
            .AddHealthItPmTelemetry(builder.Configuration)
            .AddHealthItPmStorage()
            .AddHealthItPmBot()
            .AddHealthItPmRounds()
            .AddHealthItPmFeatures(Features)
            .AddHealthItPmScheduler()
            .AddHealthItPmDelivery();

        var app = builder.Build();
        app.UseRateLimiter();
        app.MapHealthItPmEndpoints();
        return app;
    }
}

using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Hosting;

/// <summary>How the host is put together; <c>Program.cs</c> only calls these.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Settings, each validated at start-up with a message that
    /// names the setting; without authentication, loopback only.
    /// </summary>
    public static IServiceCollection AddHealthItPmOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotAuthenticationOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TenantOptions>().BindConfiguration(TenantOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TenantOptions>>().Value.ToPolicy());
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<LoopbackOnlyWithoutAuthentication>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccessOptions>>().Value.ToPolicy());
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.ToStaffDomains());
        services.AddOptions<HospitalOptions>().BindConfiguration(HospitalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TeamsClientOptions>().BindConfiguration(TeamsClientOptions.SectionName);
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Azure Tables: the tables, Bot Builder state on them, and the storage health check.</summary>
    public static IServiceCollection AddHealthItPmStorage(this IServiceCollection services)
    {
        services.AddSingleton<StorageTables>();
        services.AddSingleton<GroupCommit>();
        services.AddHostedService<TableWarmUp>();
        services.AddSingleton<IStorage, BotStateTable>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<ConversationReferenceTable>();
        services.AddSingleton<IProjectRepository, ProjectTable>();
        services.AddSingleton<RoundTable>();
        services.AddSingleton<IRoundStore>(sp => sp.GetRequiredService<RoundTable>());
        services.AddSingleton<IProjectManagerGrants, ProjectManagerGrantTable>();
        services.AddSingleton<AuditTable>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditWriter>());
        // Stopped after the turns and the loops that hand it entries: a graceful stop writes every one.
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.AddSingleton(sp => new DeliveryTable(
            StorageTables.ForPipeline(sp.GetRequiredService<IOptions<StorageOptions>>()), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeliveryLedger>(sp => sp.GetRequiredService<DeliveryTable>());
        services.AddSingleton<DeliveryQueues>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage").AddCheck<QueueHealthCheck>("queues");
        return services;
    }

    /// <summary>The Bot Framework adapter, the turn pipeline, rate limits, the dialog layer and proactive messaging.</summary>
    public static IServiceCollection AddHealthItPmBot(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddHealthItPmBotAuthentication();
        services.AddSingleton<TenantFilterMiddleware>();
        services.AddHttpContextAccessor();
        services.AddSingleton<CallerRateLimitMiddleware>();
        services.AddHealthItPmRateLimits();
        services.AddSingleton<ConversationCaptureMiddleware>();

        // A factory: CloudAdapter's constructors are ambiguous to the container.
        services.AddSingleton<CloudAdapter>(sp => new HealthItPmAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<TenantFilterMiddleware>(),
            sp.GetRequiredService<CallerRateLimitMiddleware>(),
            sp.GetRequiredService<ConversationCaptureMiddleware>(),
            sp.GetRequiredService<ILogger<HealthItPmAdapter>>()));
        services.AddSingleton<UnsupportedInvokes>();
        services.AddTransient<IBot, HealthItPmActivityHandler>();

        services.AddSingleton<CommandRouter>();
        services.AddSingleton<ICardActionHandler, RunCommandAction>();
        services.AddSingleton<CardActionRouter>();

        services.AddSingleton<ProjectScope>();
        services.AddSingleton<IRoster, TeamsRoster>();
        services.AddSingleton<IPeopleDirectory, PeopleDirectory>();

        services.AddSingleton<ProactiveSender>();
        services.AddSingleton(sp => new SentCardTable(StorageTables.ForPipeline(sp.GetRequiredService<IOptions<StorageOptions>>())));
        services.AddSingleton<SentCardUpdater>();
        services.AddHostedService<FeatureWordsCheck>();
        return services;
    }

    /// <summary>The one delivery pipeline every proactive card goes through: its settings, throttle and receiver.</summary>
    public static IServiceCollection AddHealthItPmDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDeliveryQueues>(sp => sp.GetRequiredService<DeliveryQueues>());
        services.AddSingleton<IDeliveryRecords>(sp => sp.GetRequiredService<DeliveryTable>());
        services.AddSingleton<ILiveHosts>(sp => sp.GetRequiredService<DeliveryTable>());
        services.AddSingleton<IProactiveSender>(sp => sp.GetRequiredService<ProactiveSender>());
        // Teams counts real seconds: the throttle keeps the wall clock even where a test sets the host's.
        services.AddSingleton(sp => new SendThrottle(sp.GetRequiredService<IOptions<DeliveryOptions>>(), TimeProvider.System));
        services.AddSingleton<HostMembership>();
        services.AddSingleton<AudienceFanOut>();
        services.AddSingleton<PipelineStats>();
        services.AddSingleton<DeliveryAttempt>();
        services.AddSingleton<DeliveryReceiver>();
        // Hosted services start in order: the JSON is set up before the receiver's first heartbeat.
        services.AddHostedService<JsonWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryReceiver>());
        services.AddSingleton<PipelineMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineMonitor>());
        return services;
    }

    /// <summary>What every kind of round shares on a card: the PMs' removal of patient details from answers and the results.</summary>
    public static IServiceCollection AddHealthItPmRounds(this IServiceCollection services)
    {
        services.AddSingleton<RoundRemovalActions>();
        services.AddCardAction<RoundRemovalActions>(CardVerbs.AskRemoveFromRoundAnswers, a => a.AskAsync);
        services.AddCardAction<RoundRemovalActions>(CardVerbs.RemoveFromRoundAnswer, a => a.RemoveAsync);
        services.AddCardAction<RoundRemovalActions>(CardVerbs.ViewRoundResults, a => a.ResultsAsync);
        return services;
    }

    /// <summary>Each feature registers what its folder brings (<see cref="IFeature"/>), in the order listed.</summary>
    public static IServiceCollection AddHealthItPmFeatures(this IServiceCollection services, IReadOnlyList<IFeature> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (var feature in features)
        {
            feature.Register(services);
        }

        return services;
    }

    /// <summary>The in-host scheduler that runs every registered <see cref="IScheduledJob"/>.</summary>
    public static IServiceCollection AddHealthItPmScheduler(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        return services;
    }
}

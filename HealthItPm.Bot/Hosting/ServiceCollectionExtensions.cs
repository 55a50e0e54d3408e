using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Features.Health;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Features.Help;
using HealthItPm.Bot.Features.People;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Redaction;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

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

        services.AddCommand<HelpCommand>(HelpCommand.Command);
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<ICardActionHandler, RunCommandAction>();
        services.AddSingleton<CardActionRouter>();

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

    /// <summary>Projects, people, milestones, budget and KPIs: the use cases and their commands and forms.</summary>
    public static IServiceCollection AddHealthItPmProjects(this IServiceCollection services)
    {
        services.AddSingleton<ProjectService>();
        services.AddSingleton<Domain.Risks.Capabilities>();
        services.AddSingleton<ProjectScope>();
        services.AddSingleton<StatusCards>();
        services.AddSingleton<MoneyFormats>();
        services.AddSingleton<IRoster, TeamsRoster>();
        services.AddSingleton<IPeopleDirectory, PeopleDirectory>();
        services.AddSingleton<PeopleSearch>();
        services.AddSingleton<IInvokeAnswer>(sp => sp.GetRequiredService<PeopleSearch>());

        services.AddCommand<ProjectListCommand>(ProjectListCommand.Command);
        services.AddCommand<StatusCommand>(StatusCommand.Command);
        services.AddCommand<MilestonesCommand>(MilestonesCommand.Command);
        services.AddCommand<StakeholdersCommand>(StakeholdersCommand.Command);
        services.AddCommand<KpisCommand>(KpisCommand.Command);
        services.AddCommand<BudgetCommand>(BudgetCommand.Command);
        services.AddForm<UseProjectCommand>(UseProjectCommand.Command);
        services.AddForm<NewProjectForm>(NewProjectForm.Command);
        services.AddForm<PhaseForm>(PhaseForm.Command);
        services.AddForm<StakeholderAddForm>(StakeholderAddForm.Command);
        services.AddForm<StakeholderRemoveForm>(StakeholderRemoveForm.Command);
        services.AddForm<MilestoneAddForm>(MilestoneAddForm.Command);
        services.AddForm<MilestoneDoneForm>(MilestoneDoneForm.Command);
        services.AddForm<MilestoneProgressForm>(MilestoneProgressForm.Command);
        services.AddForm<BudgetSetForm>(BudgetSetForm.Command);
        services.AddForm<SpendForm>(SpendForm.Command);
        services.AddForm<KpiAddForm>(KpiAddForm.Command);
        services.AddForm<KpiRecordForm>(KpiRecordForm.Command);
        services.AddForm<AllowProjectManagersForm>(AllowProjectManagersForm.Command);
        services.AddSingleton<Domain.Audit.AuditService>();
        services.AddForm<AuditCommand>(AuditCommand.Command);
        services.AddForm<HealthCommand>(HealthCommand.Command);
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

    /// <summary>The risk register and escalations: commands, the escalation card's actions and the escalation job.</summary>
    public static IServiceCollection AddHealthItPmRisks(this IServiceCollection services)
    {
        services.AddSingleton<IRiskStore, RiskTable>();
        services.AddSingleton<RiskWriter>();
        services.AddSingleton<ConcernTriage>();
        services.AddSingleton<RiskRegister>();
        services.AddSingleton<RiskChanges>();
        services.AddSingleton<RiskEscalation>();
        services.AddSingleton<RiskOutbox>();
        services.AddSingleton<RiskNotifier>();
        services.AddSingleton<DeliveryKind, RiskNoticeDeliveries>();
        services.AddSingleton<DeliveryKind, ConcernDeliveries>();
        services.AddSingleton<DeliveryKind, ConcernOutcomeDeliveries>();
        services.AddSingleton<ConcernOutcomeNotifier>();
        services.AddSingleton<RiskCardFactory>();
        services.AddSingleton<RiskCardReplies>();
        services.AddSingleton<IScheduledJob, RiskEscalationJob>();
        services.AddForm<RiskAddForm>(RiskAddForm.Command);
        services.AddCommand<RisksCommand>(RisksCommand.Command);
        services.AddForm<RiskUpdateForm>(RiskUpdateForm.Command);
        services.AddForm<EscalationForm>(EscalationForm.Command);
        services.AddForm<ReportConcernForm>(ReportConcernForm.Command);
        services.AddSingleton<ConcernTriageActions>();
        services.AddCardAction<ConcernTriageActions>(CardVerbs.LogConcernAsRisk, a => a.LogAsRiskAsync);
        services.AddCardAction<ConcernTriageActions>(CardVerbs.DismissConcern, a => a.DismissAsync);
        services.AddSingleton<ConcernRemovalActions>();
        services.AddCardAction<ConcernRemovalActions>(CardVerbs.AskRemoveFromConcern, a => a.AskAsync);
        services.AddCardAction<ConcernRemovalActions>(CardVerbs.RemoveFromConcern, a => a.RemoveAsync);
        services.AddCardAction<ConcernRemovalActions>(CardVerbs.ViewConcern, a => a.ViewAsync);
        services.AddCommand<RiskCommand>(RiskCommand.Command);
        services.AddSingleton<RiskDecisionActions>();
        services.AddCardAction<RiskDecisionActions>(CardVerbs.AcknowledgeRisk, a => a.AcknowledgeAsync);
        services.AddCardAction<RiskDecisionActions>(CardVerbs.AcceptRisk, a => a.AcceptAsync);
        services.AddCardAction<RiskDecisionActions>(CardVerbs.AssignRiskOwner, a => a.AssignOwnerAsync);
        services.AddCardAction<RiskDecisionActions>(CardVerbs.AskForRiskUpdate, a => a.AskForUpdateAsync);
        services.AddCardAction<RiskDecisionActions>(CardVerbs.ViewRisk, a => a.ViewAsync);
        services.AddSingleton<PatientDetailsRemoval>();
        services.AddSingleton<RiskRemovalActions>();
        services.AddCardAction<RiskRemovalActions>(CardVerbs.AskRemoveFromRisk, a => a.AskAsync);
        services.AddCardAction<RiskRemovalActions>(CardVerbs.RemoveFromRisk, a => a.RemoveAsync);
        return services;
    }

    /// <summary>
    /// The go-live readiness gate: its storage, use cases, commands and forms, the checkpoints' scheduled job, and the panel's
    /// go/no-go vote and the owners' attestations as kinds of round.
    /// </summary>
    public static IServiceCollection AddHealthItPmGoLive(this IServiceCollection services)
    {
        services.AddSingleton<IGateStore, GateTable>();
        services.AddSingleton<IAnswerTextCopies, GateEvidenceCopies>();
        services.AddSingleton<GoLiveService>();
        services.AddSingleton<IScheduledJob, CheckpointJob>();
        services.AddCommand<GoLiveStatusCommand>(GoLiveStatusCommand.Command);
        services.AddForm<GoLiveSetForm>(GoLiveSetForm.Command);
        services.AddForm<GoLiveAddForm>(GoLiveAddForm.Command);
        services.AddForm<GoLiveEditForm>(GoLiveEditForm.Command);
        services.AddSingleton<GoLiveVotes>();
        services.AddRoundKind<GoLiveRoundKind>();
        services.AddForm<GoLiveVoteForm>(GoLiveVoteForm.Command);
        services.AddSingleton<GoLiveAttestations>();
        services.AddRoundKind<AttestRoundKind>();
        services.AddCommand<GoLiveAskCommand>(GoLiveAskCommand.Command);
        return services;
    }

    /// <summary>The weekly leadership digest: subscriptions, commands, its delivery kind and its job.</summary>
    public static IServiceCollection AddHealthItPmDigests(this IServiceCollection services)
    {
        services.AddSingleton<IDigestStore, DigestTable>();
        services.AddSingleton<ICheckInPulse, CheckInPulseReader>();
        services.AddSingleton(sp => new DigestDefaults(sp.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZone));
        services.AddSingleton<DigestSubscriptions>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DeliveryKind, DigestDeliveries>();
        services.AddSingleton<IScheduledJob, DigestJob>();
        services.AddCommand<DigestSubscribeCommand>(DigestSubscribeCommand.Command);
        services.AddCommand<DigestUnsubscribeCommand>(DigestUnsubscribeCommand.Command);
        services.AddCommand<DigestPreviewCommand>(DigestPreviewCommand.Command);
        services.AddCommand<DigestNowCommand>(DigestNowCommand.Command);
        services.AddForm<DigestSettingsForm>(DigestSettingsForm.Command);
        services.AddForm<DigestLeadersForm>(DigestLeadersForm.Command);
        return services;
    }

    /// <summary>Stakeholder check-ins: a kind of round (its card's actions and delivery), its schedules and commands.</summary>
    public static IServiceCollection AddHealthItPmCheckIns(this IServiceCollection services)
    {
        services.AddSingleton<CheckInService>();
        services.AddSingleton<RoundRemovalActions>();
        services.AddCardAction<RoundRemovalActions>(CardVerbs.AskRemoveFromRoundAnswers, a => a.AskAsync);
        services.AddCardAction<RoundRemovalActions>(CardVerbs.RemoveFromRoundAnswer, a => a.RemoveAsync);
        services.AddCardAction<RoundRemovalActions>(CardVerbs.ViewRoundResults, a => a.ResultsAsync);
        services.AddSingleton<ICheckInStore, CheckInScheduleTable>();
        services.AddRoundKind<CheckInRoundKind>();
        services.AddSingleton<IScheduledRounds, CheckInSchedules>();
        services.AddCommand<CheckInNowCommand>(CheckInNowCommand.Command);
        services.AddCommand<CheckInStatusCommand>(CheckInStatusCommand.Command);
        services.AddCommand<CheckInStopCommand>(CheckInStopCommand.Command);
        services.AddForm<CheckInScheduleForm>(CheckInScheduleForm.Command);
        return services;
    }

    /// <summary>ADKAR readiness surveys: a kind of round (its card's actions and delivery) and its commands.</summary>
    public static IServiceCollection AddHealthItPmReadiness(this IServiceCollection services)
    {
        services.AddSingleton<AdkarService>();
        services.AddRoundKind<AdkarRoundKind>();
        services.AddForm<AdkarStartForm>(AdkarStartForm.Command);
        services.AddCommand<AdkarWavesCommand>(AdkarWavesCommand.Command);
        services.AddCommand<AdkarResultsCommand>(AdkarResultsCommand.Command);
        return services;
    }

    /// <summary>A command that is also the handler of its card's verb (a form, or a button that does what the command does).</summary>
    private static IServiceCollection AddForm<TForm>(this IServiceCollection services, CommandDefinition definition)
        where TForm : class, ICommand, ICardActionHandler
    {
        services.AddSingleton(definition);
        services.AddSingleton<TForm>();
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<TForm>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<TForm>());
        return services;
    }

    /// <summary>A verb handled by a method of <typeparamref name="THandlers"/>, which handles a card's several buttons.</summary>
    private static IServiceCollection AddCardAction<THandlers>(
        this IServiceCollection services,
        string verb,
        Func<THandlers, Func<ITurnContext, JObject, CancellationToken, Task<JObject>>> method)
        where THandlers : notnull
    {
        services.AddSingleton<ICardActionHandler>(sp => new DelegatingCardAction(verb, method(sp.GetRequiredService<THandlers>())));
        return services;
    }

    private static IServiceCollection AddCommand<TCommand>(this IServiceCollection services, CommandDefinition definition)
        where TCommand : class, ICommand
    {
        services.AddSingleton(definition);
        services.AddSingleton<ICommand, TCommand>();
        return services;
    }
}

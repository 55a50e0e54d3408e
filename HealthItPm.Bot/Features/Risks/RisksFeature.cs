using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Redaction;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>The risk register and escalations: commands, the escalation card's actions and the escalation job.</summary>
public sealed class RisksFeature : IFeature
{
    public void Register(IServiceCollection services)
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
    }
}

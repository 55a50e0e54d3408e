using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using HealthItPm.Bot.Telemetry;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// <c>report concern</c>: anyone on the project says what worries them in a few words (checked for
/// PHI); the PMs get it as a card to log as a risk or dismiss with a reason.
/// </summary>
public sealed class ReportConcernForm(ProjectScope scope, ConcernTriage concerns, DeliveryQueues queue) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("report concern", ProjectAction.ReportConcern);

    private static TextField Worry => new(
        "text",
        RiskTexts.Commands["Concern_Worry"],
        true,
        Concern.MaxTextLength,
        RiskTexts.Commands["Concern_WorryPlaceholder"],
        Multiline: true);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.ReportConcern;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var scoped = await scope.ResolveAsync(turn, cancellationToken);
        return scoped is { Caller: not null, Project: { } code } ? FormCard.Build(Blank(code)) : scoped.Answer!;
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller
            || !ProjectCode.TryParse(data["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        // Checked in the project's context, so its people are not taken for patients; anyone not on it gets the refusal reporting gives.
        var context = await scope.PhiContextAsync(caller, code, ProjectAction.ViewStatus, cancellationToken);
        if (context is not Outcome<PhiContext>.Done { Value: var phi })
        {
            return ProjectOutcomes.NotDone(context);
        }

        var blank = Blank(code);
        var values = new FormValues(data, blank.Fields);
        var text = values.Guarded(Worry, phi);
        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var outcome = await concerns.ReportAsync(caller.Tenant, caller.Person, caller.Name, code, text!, cancellationToken);
        if (outcome is Outcome<(Concern, IReadOnlyList<PersonId>)>.Invalid invalid)
        {
            return FormCard.Build(values.Reshow(blank, ProblemText.Of(invalid.Problem)));
        }

        if (outcome is not Outcome<(Concern Concern, IReadOnlyList<PersonId> ProjectManagers)>.Done { Value: var (concern, managers) })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        var topic = DeliveryTopics.Concern(code, concern.Number);
        await queue.EnqueueAsync([.. managers.Select(pm => DeliveryWork.To(caller.Tenant, topic, pm))], cancellationToken);

        return NoticeCard.Build(new NoticeCardModel(
            RiskTexts.Commands["Concern_Sent_Title"], RiskTexts.Commands.Say("Concern_Sent", code, concern.Number)));
    }

    private static FormModel Blank(ProjectCode code) => new(
        RiskTexts.Commands.Say("Concern_FormTitle", code),
        RiskTexts.Commands["Concern_FormIntro"],
        [Worry],
        RiskTexts.Commands["Concern_Submit"],
        CardVerbs.ReportConcern,
        new Dictionary<string, string> { ["project"] = code.Value });
}

/// <summary>The PM's triage on a concern card: log it as a risk (the risk form, pre-filled) or dismiss it with a reason.</summary>
/// <remarks>Only a PM of the project sees the concern: the caller is authorized before it is read.</remarks>
public sealed class ConcernTriageActions(ConcernTriage concerns, RiskAddForm riskForm, ConcernOutcomeNotifier reporter, ProjectScope scope)
{
    public async Task<JObject> LogAsRiskAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        if (Read(turn, data) is not { } target)
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var found = await concerns.GetAsync(target.Caller.Tenant, target.Caller.Person, target.Project, target.Number, cancellationToken);
        return found switch
        {
            Outcome<Concern>.Done { Value: { State: ConcernState.Reported } concern } =>
                await riskForm.FormForConcernAsync(turn, concern, cancellationToken),
            Outcome<Concern>.Done { Value: var triaged } => ConcernCard.Build(triaged),
            _ => ProjectOutcomes.NotDone(found),
        };
    }

    public async Task<JObject> DismissAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        if (Read(turn, data) is not { } target)
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var reason = (data["reason"]?.Type == JTokenType.String ? (string?)data["reason"] ?? string.Empty : string.Empty).Trim();
        // The reason is checked in the project's context; anyone who may not triage gets the refusal dismissing gives.
        var context = await scope.PhiContextAsync(target.Caller, target.Project, ProjectAction.LogRisks, cancellationToken);
        var (text, phi) = context is Outcome<PhiContext>.Done { Value: var staff } ? GuardedText.Check(reason, staff) : (null, []);
        var outcome = phi.Count > 0
            ? new Outcome<Concern>.Invalid(Problem.PhiFound(reason, phi))
            : await concerns.DismissAsync(
                target.Caller.Tenant, target.Caller.Person, target.Project, target.Number, text, cancellationToken);
        if (phi.Count > 0)
        {
            BotTelemetry.PhiRefused("reason");
        }

        var typed = phi.Count > 0 ? PhiGuard.Mask(reason, phi) : reason;
        switch (outcome)
        {
            case Outcome<Concern>.Done { Value: var dismissed }:
                await reporter.TellReporterAsync(target.Caller.Tenant, target.Project, target.Number, cancellationToken);
                return ConcernCard.Build(dismissed);
            case Outcome<Concern>.Invalid invalid:
                // The card again with the message beside the reason, as a form comes back (or, already triaged, as it stands).
                var current = await concerns.GetAsync(
                    target.Caller.Tenant, target.Caller.Person, target.Project, target.Number, cancellationToken);
                return current is Outcome<Concern>.Done { Value: var concern }
                    ? FormCard.Beside(ConcernCard.Build(concern), "reason", ProblemText.Of(invalid.Problem), typed)
                    : ProjectOutcomes.NotDone(current);
            default:
                return ProjectOutcomes.NotDone(outcome);
        }
    }

    private static (Caller Caller, ProjectCode Project, int Number)? Read(ITurnContext turn, JObject data) =>
        Caller.Of(turn) is { } caller
        && ProjectCode.TryParse(data?["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code)
        && data?["concern"]?.Type == JTokenType.Integer
            ? (caller, code, (int)data["concern"]!)
            : null;
}


using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// <c>risk update EHR-R7</c>: re-rate a risk, plan its mitigation, or close it (the PM, the owner or a
/// chain leader). Re-rated to critical, it goes to the sponsor at once.
/// </summary>
public sealed class RiskUpdateForm(
    RiskRegister risks,
    RiskChanges changes,
    RiskNotifier notifier,
    RiskCardReplies replies,
    ProjectScope scope) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("risk update", ProjectAction.ChangeRisk);

    private static ChoiceField Probability => RiskFields.Probability;
    private static ChoiceField Impact => RiskFields.Impact;
    private static TextField Mitigation => RiskFields.Mitigation;
    private static DateField Due => RiskFields.Due;
    private static ChoiceField Status => new(
        "status",
        RiskTexts.Commands["RiskUpdate_Status"],
        true,
        [(RiskTexts.Commands["RiskUpdate_KeepOpen"], "open"), (RiskTexts.Commands["RiskUpdate_Close"], "closed")],
        Compact: false);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.UpdateRisk;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (!RiskId.TryParse(arguments, out var id))
        {
            return NoticeCard.Build(new NoticeCardModel(RiskTexts.Commands["WhichRisk_Title"], RiskTexts.Commands["RiskUpdate_WhichRisk"]));
        }

        // Only someone who may change the risk gets the form.
        var outcome = await risks.GetAsync(caller.Tenant, caller.Person, id, cancellationToken, Domain.Security.ProjectAction.ChangeRisk);
        return ProjectOutcomes.Card(outcome, found => FormCard.Build(Blank(id) with
        {
            Values = new Dictionary<string, string>
            {
                [Probability.Id] = found.Risk.Rating.Probability.ToString(CultureInfo.InvariantCulture),
                [Impact.Id] = found.Risk.Rating.Impact.ToString(CultureInfo.InvariantCulture),
                [Mitigation.Id] = found.Risk.Mitigation?.Value ?? string.Empty,
                [Due.Id] = found.Risk.MitigationDue is { } due ? FormValues.DateValue(due) : string.Empty,
                [Status.Id] = "open",
            },
        }));
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller
            || !RiskId.TryParse(data["risk"]?.Type == JTokenType.String ? (string?)data["risk"] : null, out var id))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        // Checked in the project's context; someone not on the project gets the answer updating gives them.
        var project = await risks.ProjectOfAsync(
            caller.Tenant, caller.Person, id, Domain.Security.ProjectAction.ChangeRisk, cancellationToken);
        if (project is not Outcome<Project>.Done { Value: var onProject })
        {
            return ProjectOutcomes.NotDone(project);
        }

        var phi = scope.PhiContextOf(onProject);
        var blank = Blank(id);
        var values = new FormValues(data, blank.Fields);
        var (probability, impact, mitigation, due, status) = (
            values.Choice(Probability),
            values.Choice(Impact),
            values.Guarded(Mitigation, phi),
            values.Date(Due),
            values.Choice(Status));
        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var rating = new RiskRating(
            int.Parse(probability!, CultureInfo.InvariantCulture), int.Parse(impact!, CultureInfo.InvariantCulture));
        var outcome = await changes.UpdateAsync(
            caller.Tenant, caller.Person, id, new RiskUpdate(rating, mitigation, due) { Close = status == "closed" }, cancellationToken);
        if (outcome is Outcome<(Project, Risk)>.Invalid invalid)
        {
            return FormCard.Build(values.Reshow(blank, ProblemText.Of(invalid.Problem)));
        }

        if (outcome is not Outcome<(Project Project, Risk Risk)>.Done)
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        var escalation = await notifier.ApplyPolicyAsync(caller.Tenant, id, cancellationToken);
        return await replies.CurrentAsync(
            caller,
            id,
            (card, project, _) =>
                CardBanner.Saved(card, RiskNotifier.Saying(RiskTexts.Commands.Say("RiskUpdate_Updated", id), project, escalation)),
            cancellationToken);
    }

    private FormModel Blank(RiskId id) => new(
        RiskTexts.Commands.Say("Risk_Update", id),
        RiskTexts.Commands["RiskUpdate_FormIntro"],
        [Probability, Impact, Mitigation, Due, Status],
        Wording.Common["Form_Save"],
        Verb,
        new Dictionary<string, string> { ["risk"] = id.ToString() });
}

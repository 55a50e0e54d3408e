using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using HealthItPm.Bot.Telemetry;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// <c>risk add</c>: log a risk. If the escalation policy says so (critical, or patient safety or
/// privacy with impact 4+), the sponsor gets the escalation card before this answer is sent.
/// </summary>
public sealed class RiskAddForm(
    ProjectScope scope,
    ProjectService projectService,
    RiskRegister risks,
    RiskNotifier notifier,
    RiskCardReplies replies,
    ConcernOutcomeNotifier reporter) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("risk add", ProjectAction.LogRisks);

    private static TextField Title =>
        new("title", RiskTexts.Commands["RiskAdd_Risk"], true, Risk.MaxTitleLength, RiskTexts.Commands["RiskAdd_RiskPlaceholder"]);
    private static TextField Description =>
        new("description", RiskTexts.Commands["RiskAdd_Description"], false, Risk.MaxTextLength, null, Multiline: true);
    private static ChoiceField Category => new(
        "category",
        RiskTexts.Commands["RiskAdd_Category"],
        true,
        [.. Enum.GetValues<RiskCategory>().Select(c => (RiskLabels.Category(c), c.ToString()))]);
    private static ChoiceField Probability => RiskFields.Probability;
    private static ChoiceField Impact => RiskFields.Impact;
    private static TextField Mitigation => RiskFields.Mitigation;
    private static DateField Due => RiskFields.Due;

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.AddRisk;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var scoped = await scope.ResolveAsync(turn, cancellationToken);
        if (scoped is not { Caller: { } caller, Project: { } code })
        {
            return scoped.Answer!;
        }

        return await FormAsync(caller, code, concern: null, cancellationToken);
    }

    /// <summary>The form pre-filled from a concern, which is marked as logged when the risk is.</summary>
    public async Task<JObject> FormForConcernAsync(ITurnContext turn, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        return Caller.Of(turn) is { } caller
            ? await FormAsync(caller, concern.Project, concern, cancellationToken)
            : ProjectScope.UnknownCaller;
    }

    private async Task<JObject> FormAsync(Caller caller, ProjectCode code, Concern? concern, CancellationToken cancellationToken)
    {
        var allowed = await projectService.ViewAsync(
            caller.Tenant, caller.Person, code, cancellationToken, Domain.Security.ProjectAction.LogRisks);
        if (allowed is not Outcome<Project>.Done)
        {
            return ProjectOutcomes.NotDone(allowed);
        }

        var values = new Dictionary<string, string>
        {
            [Category.Id] = nameof(RiskCategory.PatientSafety),
            [Probability.Id] = "3",
            [Impact.Id] = "3",
        };
        if (concern is not null)
        {
            values[Title.Id] = concern.Text.Length <= Risk.MaxTitleLength ? concern.Text.Value : concern.Text.Value[..Risk.MaxTitleLength];
            values[Description.Id] = concern.RaisedBy(RaisedBy).Value;
        }

        return FormCard.Build(Blank(code, concern?.Number) with { Values = values });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller
            || !ProjectCode.TryParse(data["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        // Hidden form values come back as text.
        int? concern = int.TryParse(
            data["concern"]?.ToString(),
            System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture,
            out var number)
            ? number
            : null;
        // The project's people are staff, not patients: the texts are checked
        // in its context (an outsider gets the refusal logging would give).
        var context = await scope.PhiContextAsync(caller, code, Domain.Security.ProjectAction.LogRisks, cancellationToken);
        if (context is not Outcome<PhiContext>.Done { Value: var phi })
        {
            return ProjectOutcomes.NotDone(context);
        }

        var blank = Blank(code, concern);
        var values = new FormValues(data, blank.Fields);
        var (title, description, category, probability, impact, mitigation, due) = (
            values.Guarded(Title, phi),
            values.Guarded(Description, phi),
            values.Choice<RiskCategory>(Category),
            values.Choice(Probability),
            values.Choice(Impact),
            values.Guarded(Mitigation, phi),
            values.Date(Due));
        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var input = new NewRisk(
            title!,
            description,
            category!.Value,
            int.Parse(probability!, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(impact!, System.Globalization.CultureInfo.InvariantCulture),
            mitigation,
            due);
        var outcome = await risks.LogAsync(
            caller.Tenant, caller.Person, code, input, cancellationToken, concern is { } from ? new FromConcern(from, RaisedBy) : null);
        if (outcome is Outcome<Risk>.Invalid invalid)
        {
            return FormCard.Build(values.Reshow(blank, ProblemText.Of(invalid.Problem)));
        }

        if (outcome is not Outcome<Risk>.Done { Value: var risk })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        if (concern is { } raised)
        {
            await reporter.TellReporterAsync(caller.Tenant, code, raised, cancellationToken);
        }

        // At once, not at the next tick: a critical patient-safety risk reaches the sponsor now.
        var escalation = await notifier.ApplyPolicyAsync(caller.Tenant, risk.Id, cancellationToken);
        return await replies.CurrentAsync(
            caller,
            risk.Id,
            (card, project, _) =>
                CardBanner.Saved(card, RiskNotifier.Saying(RiskTexts.Commands.Say("RiskAdd_Logged", risk.Id), project, escalation)),
            cancellationToken);
    }

    /// <summary>
    /// The description of a risk from a concern: who raised it and their words. It pre-fills the form and is kept if the PM
    /// clears it; a value in a form, so nothing is escaped.
    /// </summary>
    public static string RaisedBy(string reporterName, string text) => RiskTexts.Commands.Say("RiskAdd_RaisedBy", reporterName, text);

    private FormModel Blank(ProjectCode code, int? concern = null)
    {
        var hidden = new Dictionary<string, string> { ["project"] = code.Value };
        var form = new FormModel(
            RiskTexts.Commands.Say("RiskAdd_FormTitle", code),
            RiskTexts.Commands["RiskAdd_FormIntro"],
            [Title, Description, Category, Probability, Impact, Mitigation, Due],
            RiskTexts.Commands["RiskAdd_Submit"],
            Verb,
            hidden);
        return concern is { } number
            ? form with
            {
                Hidden = new Dictionary<string, string>(hidden)
                {
                    ["concern"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }
            : form;
    }
}

/// <summary>
/// <c>risks</c>: the register, highest score first; <c>risks critical</c>, <c>risks patient safety</c>,
/// <c>risks escalated</c> filter it by band, category or status.
/// </summary>
public sealed class RisksCommand(ProjectScope scope, RiskRegister risks, AccessPolicy access, TimeProvider clock) : ICommand
{
    public static readonly CommandDefinition Command = new("risks", ProjectAction.ViewRisks);

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var scoped = await scope.ResolveAsync(turn, cancellationToken);
        if (scoped is not { Caller: { } caller, Project: { } code })
        {
            return scoped.Answer!;
        }

        if (Filter(arguments) is not { } filter)
        {
            return NoticeCard.Build(new NoticeCardModel(
                RiskTexts.Commands["Risks_NoSuchFilter_Title"], RiskTexts.Commands["Risks_NoSuchFilter"]));
        }

        var outcome = await risks.ListAsync(caller.Tenant, caller.Person, code, cancellationToken);
        return ProjectOutcomes.Card(outcome, register => RiskRegisterCard.Build(
            code.Value,
            [.. register.Risks.Where(filter).Select(r => RiskViews.Of(register.Project, r, clock.GetUtcNow()))],
            canLogRisk: access.Can(caller.Person, ProjectAction.LogRisks, register.Project).Allowed));
    }

    /// <summary>The filter the words name; null when they name nothing known.</summary>
    private static Func<Risk, bool>? Filter(string arguments)
    {
        var words = string.Concat(arguments.Where(char.IsLetter)).ToUpperInvariant();
        if (words.Length == 0)
        {
            return _ => true;
        }

        static string Key(string name) => string.Concat(name.Where(char.IsLetter)).ToUpperInvariant();
        if (Enum.GetValues<RiskBand>().Where(b => Key(b.ToString()) == words).ToList() is [var band])
        {
            return r => r.Rating.Band == band;
        }

        if (Enum.GetValues<RiskCategory>().Where(c => Key(RiskLabels.Category(c)) == words || Key(c.ToString()) == words).ToList()
            is [var category])
        {
            return r => r.Category == category;
        }

        return Enum.GetValues<RiskStatus>().Where(s => Key(s.ToString()) == words).ToList() is [var status]
            ? r => r.Status == status
            : null;
    }
}

/// <summary><c>risk EHR-R7</c>: one risk with its history.</summary>
public sealed class RiskCommand(RiskCardReplies replies) : ICommand
{
    public static readonly CommandDefinition Command = new("risk", ProjectAction.ViewRisks);

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (!RiskId.TryParse(arguments, out var id))
        {
            return NoticeCard.Build(new NoticeCardModel(RiskTexts.Commands["WhichRisk_Title"], RiskTexts.Commands["RiskView_WhichRisk"]));
        }

        return await replies.CurrentAsync(caller, id, card => card, cancellationToken);
    }
}

/// <summary>
/// The escalation card's actions (acknowledge, accept, assign owner, ask for update) and its refresh:
/// the person is the one Teams says acted; the risk id in the data is re-read and the role re-checked.
/// Acting on a risk someone already handled shows the card as it stands, saying who handled it and when.
/// </summary>
public sealed class RiskDecisionActions(
    RiskChanges changes,
    RiskRegister risks,
    RiskNotifier notifier,
    RiskCardFactory cards,
    RiskCardReplies replies,
    ProjectScope scope)
{
    public Task<JObject> ViewAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRiskAsync(turn, data, (caller, id) => replies.CurrentAsync(caller, id, card => card, cancellationToken));

    public Task<JObject> AssignOwnerAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        DecideAsync(
            turn,
            data,
            (caller, id) => data?["owner"] is JValue { Type: JTokenType.String } picked
                && PersonChoice.TryRead((string)picked!, out var owner)
                    ? changes.AssignOwnerAsync(caller.Tenant, caller.Person, id, owner, cancellationToken)
                    : Task.FromResult<Outcome<(Project Project, Risk Risk)>>(new Outcome<(Project, Risk)>.Invalid(Problem.PickOwner())),
            null,
            field: "owner",
            cancellationToken: cancellationToken);

    public Task<JObject> AskForUpdateAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        DecideAsync(
            turn,
            data,
            (caller, id) => changes.AskForUpdateAsync(caller.Tenant, caller.Person, id, cancellationToken),
            async (caller, risk) =>
            {
                await notifier.RelayAsync(caller.Tenant, risk.Id, cancellationToken);
                return RiskTexts.Commands[risk.Owner is null ? "RiskAskForUpdate_FromPms" : "RiskAskForUpdate_FromOwner"];
            },
            cancellationToken: cancellationToken);

    public Task<JObject> AcknowledgeAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        DecideAsync(
            turn,
            data,
            (caller, id) => changes.AcknowledgeAsync(caller.Tenant, caller.Person, id, cancellationToken),
            async (caller, risk) =>
            {
                await notifier.RelayAsync(caller.Tenant, risk.Id, cancellationToken);
                return RiskTexts.Commands["RiskAcknowledge_Done"];
            },
            acknowledging: true,
            cancellationToken: cancellationToken);

    /// <summary>
    /// Accept risk with a reason, guarded against PHI in the project's
    /// context: suspected PHI comes back beside the reason, masked.
    /// </summary>
    public Task<JObject> AcceptAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        var reason = (data?["reason"]?.Type == JTokenType.String ? (string?)data["reason"] ?? string.Empty : string.Empty).Trim();
        return DecideAsync(turn, data!, async (caller, id) =>
        {
            // Someone not on the project gets the same answer as accepting gives them (nothing is checked for them).
            var project = await risks.ProjectOfAsync(
                caller.Tenant, caller.Person, id, Domain.Security.ProjectAction.RespondToEscalation, cancellationToken);
            var (text, phi) = project is Outcome<Project>.Done { Value: var onProject }
                ? GuardedText.Check(reason, scope.PhiContextOf(onProject))
                : (null, []);
            if (phi.Count > 0)
            {
                BotTelemetry.PhiRefused("reason");
                reason = PhiGuard.Mask(reason, phi);
                return new Outcome<(Project, Risk)>.Invalid(Problem.PhiFound(data!["reason"]!.ToString().Trim(), phi));
            }

            return await changes.AcceptAsync(caller.Tenant, caller.Person, id, text, cancellationToken);
        }, null, field: "reason", typed: () => reason, cancellationToken: cancellationToken);
    }

    private static Task<JObject> WithRiskAsync(ITurnContext turn, JObject data, Func<Caller, RiskId, Task<JObject>> act) =>
        Caller.Of(turn) is { } caller
        && RiskId.TryParse(data?["risk"]?.Type == JTokenType.String ? (string?)data["risk"] : null, out var id)
            ? act(caller, id)
            : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));

    private Task<JObject> DecideAsync(
        ITurnContext turn,
        JObject data,
        Func<Caller, RiskId, Task<Outcome<(Project Project, Risk Risk)>>> decide,
        Func<Caller, Risk, Task<string>>? afterwards,
        bool acknowledging = false,
        string? field = null,
        Func<string>? typed = null,
        CancellationToken cancellationToken = default) =>
        WithRiskAsync(turn, data, async (caller, id) =>
        {
            switch (await decide(caller, id))
            {
                case Outcome<(Project, Risk)>.Done { Value: var (project, risk) }:
                    var card = await cards.ForAsync(caller.Tenant, project, risk, caller.Person, cancellationToken);
                    return afterwards is null ? card : CardBanner.Saved(card, await afterwards(caller, risk));
                case Outcome<(Project, Risk)>.Invalid invalid:
                    return await replies.CurrentAsync(
                        caller,
                        id,
                        (card, project, risk) => RiskCard.HandledBy(project, risk, acknowledging) is { } handled
                            ? CardBanner.Unchanged(card, handled)
                            : FormCard.Beside(card, field, ProblemText.Of(invalid.Problem), typed?.Invoke()),
                        cancellationToken);
                case var other:
                    return ProjectOutcomes.NotDone(other);
            }
        });
}

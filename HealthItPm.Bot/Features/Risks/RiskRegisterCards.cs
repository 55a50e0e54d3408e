using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Risks;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// A risk as cards show it, with the names of the people involved; <paramref name="Viewer"/> is what the
/// person the card is built for may do, and <paramref name="RefreshFor"/> the Teams user ids whose copy
/// Teams refreshes on view, so each sees the current state with the actions their role allows.
/// </summary>
public sealed record RiskView(
    Risk Risk,
    string ProjectName,
    string? OwnerName,
    string? AcknowledgedByName,
    DateTimeOffset Now,
    IReadOnlyList<(string Name, string Person)> People,
    RiskPermissions Viewer,
    IReadOnlyList<string> RefreshFor)
{
    private static TextResource Texts => RiskTexts.Cards;

    /// <summary>
    /// The people the owner list offers, by name: everyone on a small project; on a large one the
    /// current owner, the PMs and the leaders first, then others, up to <see cref="RiskViews.MaxOwnerChoices"/>
    /// (a card listing hundreds would be too large for Teams to deliver).
    /// </summary>
    public IReadOnlyList<(string Name, string Person)> OwnerChoices { get; init; } = People;

    /// <summary>
    /// The dataset Teams searches the project's people by, when it can
    /// (<see cref="ProjectPeople"/>): the owner list then needs only the first few.
    /// </summary>
    public string? OwnerDataset { get; init; }

    /// <summary>Whether the viewer may remove patient details from the risk's texts (its PMs, admins).</summary>
    public bool CanRemovePatientDetails { get; init; }

    /// <summary>The leader at the risk's current level of the chain, by name, while it is escalated.</summary>
    public string? EscalatedToName { get; init; }

    /// <summary>The project's escalation chain by name, level 1 first (null for someone no longer on the project).</summary>
    public IReadOnlyList<string?> Chain { get; init; } = [];

    /// <summary>The leader at <paramref name="level"/> of the chain, by name, if anyone is there.</summary>
    public string? LeaderAt(int level) => level >= 1 && level <= Chain.Count ? Chain[level - 1] : null;

    /// <summary>"Escalated (level 1: Dr. Lee)" and the like, for the register's line.</summary>
    /// <remarks>Once a leader acknowledged the escalation, who did: "Acknowledged by Dr. Lee".</remarks>
    public Markdown StatusText => Risk is { Status: RiskStatus.Escalated, Acknowledged: not null }
        ? Texts.Markdown("Risk_AcknowledgedBy", AcknowledgedByName ?? Texts["Risk_ALeader"])
        : LevelText;

    /// <summary>
    /// The risk card's status fact: as <see cref="StatusText"/>, but once acknowledged just "Acknowledged": who
    /// acknowledged it, and when, the card says once, on its own line.
    /// </summary>
    public Markdown CardStatusText => Risk is { Status: RiskStatus.Escalated, Acknowledged: not null }
        ? Texts.Markdown("Risk_StatusAcknowledged")
        : LevelText;

    private Markdown LevelText => Risk switch
    {
        { EscalationLevel: > 0 } when EscalatedToName is { } name =>
            Texts.Markdown("Risk_StatusAtLevelOf", RiskLabels.Status(Risk.Status), Risk.EscalationLevel, name),
        { EscalationLevel: > 0 } => Texts.Markdown("Risk_StatusAtLevel", RiskLabels.Status(Risk.Status), Risk.EscalationLevel),
        _ => Markdown.Literal(RiskLabels.Status(Risk.Status)),
    };


    /// <summary>The name the project knows a person by, or null for someone no longer on it.</summary>
    public string? NameOf(HealthItPm.Domain.Common.PersonId person) =>
        People.FirstOrDefault(p => string.Equals(p.Person, person.Value, StringComparison.OrdinalIgnoreCase)).Name;

    /// <summary>
    /// <see cref="StatusText"/> with when it was acknowledged, in the
    /// reader's zone (for text blocks, where Teams formats dates).
    /// </summary>
    public Markdown StatusLine => Risk is { Status: RiskStatus.Escalated, Acknowledged: { } acknowledged }
        ? Texts.Markdown("Risk_StatusAt", StatusText, Markdown.When(acknowledged.At))
        : StatusText;
}

/// <summary><c>risks</c>: the register, highest score first; "Log a risk" only for a reader whose role may log one (canLogRisk).</summary>
public static class RiskRegisterCard
{
    private static TextResource Texts => RiskTexts.Cards;

    public static JObject Build(string code, IReadOnlyList<RiskView> risks, bool canLogRisk)
    {
        ArgumentNullException.ThrowIfNull(risks);
        var body = new List<Element> { CardElements.Heading(Texts.Markdown("Register_Title", code)) };
        var open = risks.Where(r => r.Risk.IsOpen).OrderByDescending(r => r.Risk.Rating.Score).ToList();
        if (risks.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Register_None")));
        }

        foreach (var view in open)
        {
            var risk = view.Risk;
            body.Add(CardElements.Section(Texts.Markdown("Register_Risk", risk.Id.ToString(), risk.Title)));
            body.Add(RiskLabels.Badge(risk.Rating));
            body.Add(CardElements.Text(
                Texts.Markdown(
                    "Register_Line", RiskLabels.Category(risk.Category), view.StatusLine, view.OwnerName ?? CardTexts.Common["None"]),
                subtle: true,
                spacing: Spacing.None));
            if (risk is { Status: RiskStatus.Escalated, Acknowledged: null, EscalatedAt: { } since })
            {
                body.Add(CardElements.Text(Texts.Markdown("Register_Waiting", Markdown.When(since)), subtle: true, spacing: Spacing.None));
            }
        }

        // Settled risks are listed after the open ones, briefly: the register keeps them for the record.
        foreach (var view in risks.Where(r => !r.Risk.IsOpen).OrderByDescending(r => r.Risk.Rating.Score))
        {
            body.Add(CardElements.Text(
                Texts.Markdown("Register_Settled", view.Risk.Id.ToString(), view.Risk.Title, RiskLabels.Status(view.Risk.Status)),
                subtle: true));
        }

        return new AdaptiveCard(body, canLogRisk ? [CardElements.Command(Texts["Register_AddButton"], "risk add")] : []).ToJObject();
    }
}

/// <summary>
/// The escalation a leader receives (and <c>risk EHR-R7</c> shows): score badge, category, owner,
/// mitigation, due, age, the latest history; the actions the viewer's role allows (acknowledge, assign
/// owner, ask for update, accept with a reason), and a refresh so every copy shows the current state.
/// </summary>
public static class RiskCard
{
    private const int HistoryShown = 4;

    // Teams refreshes a card for at most 60 users; the rest see the card as sent.
    private const int MaxRefreshUsers = 60;

    private static TextResource Texts => RiskTexts.Cards;

    public static JObject Build(RiskView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var risk = view.Risk;
        var age = view.Now - risk.History[0].At;
        var body = new List<Element>
        {
            CardElements.Heading(
                Texts.Markdown(risk.Status == RiskStatus.Escalated ? "Risk_Title_Escalated" : "Risk_Title", risk.Id.ToString())),
            CardElements.Text(
                Texts.Markdown("Risk_Line", view.ProjectName, RiskLabels.Category(risk.Category)), subtle: true, spacing: Spacing.None),
            CardElements.UserText(risk.Title),
        };

        // The description is what a leader decides on (and, for a risk logged from a concern, who raised it and in what words).
        if (risk.Description is { } description)
        {
            body.Add(CardElements.UserText(description));
        }

        body.AddRange(
        [
            RiskLabels.Badge(risk.Rating),
            CardElements.Facts(
            [
                CardElements.Fact(CardTexts.Common["Status"], view.CardStatusText),
                CardElements.Fact(Texts["Risk_Owner"], view.OwnerName ?? Texts["Risk_NoneYet"]),
                CardElements.Fact(Texts["Risk_Mitigation"], risk.Mitigation ?? Texts["Risk_NoneYet"]),
                CardElements.Fact(Texts["Risk_Due"], risk.MitigationDue is { } due ? CardFormat.Date(due) : CardTexts.Common["NotSet"]),
                CardElements.Fact(Texts["Risk_Logged"], CardFormat.Ago(age)),
            ]),
        ]);

        if (risk.Acknowledged is { } acknowledged)
        {
            body.Add(new TextBlock(
                Texts.Markdown("Risk_Acknowledged", view.AcknowledgedByName ?? Texts["Risk_ALeader"], Markdown.When(acknowledged.At)))
            {
                Color = TextColor.Good,
            });
        }

        if (risk.AcceptedBecause is { } reason)
        {
            body.Add(CardElements.Text(Texts.Markdown("Risk_AcceptedBecause"), subtle: true));
            body.Add(CardElements.UserText(reason));
        }

        body.Add(CardElements.Section(Texts.Markdown("Risk_History")));
        // The acknowledgement has its own line above, with who and when: the history does not say it again.
        var history = risk.History.Where(e => e.Kind != RiskEventKind.Acknowledged || risk.Acknowledged is null).ToList();
        if (history.Count > HistoryShown)
        {
            // The card keeps to the latest changes; it says so rather than let the first line look like the risk's start.
            body.Add(CardElements.Text(Texts.Markdown("Risk_HistoryLatest", HistoryShown, history.Count), subtle: true));
        }

        body.AddRange(history.TakeLast(HistoryShown).Select(e =>
            CardElements.Event(e.At, RiskHistoryText.Describe(e, view.NameOf, view.LeaderAt))));

        var data = CardElements.Data(("risk", risk.Id.ToString()));
        var actions = new List<CardAction>();
        if (view.Viewer.Acknowledge)
        {
            actions.Add(CardElements.Execute(Texts["Risk_AcknowledgeButton"], CardVerbs.AcknowledgeRisk, data, primary: true));
        }

        if (view.Viewer.AssignOwner && view.OwnerChoices.Count > 0)
        {
            if (view.OwnerDataset is null && view.OwnerChoices.Count < view.People.Count)
            {
                body.Add(CardElements.Text(
                    Texts.Markdown("Risk_OwnerListShort", view.OwnerChoices.Count, view.People.Count), subtle: true));
            }

            body.Add(FormCard.Input(
                new PeopleField("owner", Texts["Risk_Owner"], false, view.OwnerChoices, view.OwnerDataset, MultiSelect: false),
                risk.Owner is { } owner ? PersonChoice.Value(owner) : null));
            actions.Add(CardElements.Execute(Texts["Risk_AssignButton"], CardVerbs.AssignRiskOwner, data));
        }

        if (view.Viewer.AskForUpdate)
        {
            actions.Add(CardElements.Execute(Texts["Risk_AskForUpdateButton"], CardVerbs.AskForRiskUpdate, data));
        }

        if (view.Viewer.Accept)
        {
            body.Add(new TextInput("reason") { Label = Texts["Risk_AcceptReason"], IsMultiline = true, MaxLength = Risk.MaxTextLength });
            actions.Add(CardElements.Execute(Texts["Risk_AcceptButton"], CardVerbs.AcceptRisk, data));
        }

        if (view.CanRemovePatientDetails && RemovableFields(risk).Any())
        {
            actions.Add(CardElements.Execute(CardTexts.Common["Removal_Button"], CardVerbs.AskRemoveFromRisk, data));
        }

        return new AdaptiveCard(body, actions)
        {
            Refresh = view.RefreshFor.Count > 0
                ? new Refresh(
                    new RefreshAction(
                        Texts["Risk_Refresh"],
                        CardVerbs.ViewRisk,
                        CardElements.Data(("risk", risk.Id.ToString()), ("verb", CardVerbs.ViewRisk))),
                    [.. view.RefreshFor.Take(MaxRefreshUsers)])
                : null,
        }.ToJObject();
    }

    /// <summary>The risk's texts that hold words (not removed already), with their words.</summary>
    public static IEnumerable<(RemovableText Field, string Text)> RemovableFields(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var fields = new (RemovableText, string?)[]
        {
            (RemovableText.RiskTitle, risk.Title),
            (RemovableText.RiskDescription, risk.Description),
            (RemovableText.RiskMitigation, risk.Mitigation),
            (RemovableText.RiskAcceptReason, risk.AcceptedBecause),
        };
        return fields.Where(f => f.Item2 is not null && !RemovedText.IsRemoved(f.Item2)).Select(f => (f.Item1, f.Item2!));
    }

    /// <summary>
    /// The confirmation before patient details are removed: each text of the risk with a button naming its field, and Cancel
    /// (the risk's card again).
    /// </summary>
    public static JObject ConfirmRemoval(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var common = CardTexts.Common;
        var body = new List<Element>
        {
            CardElements.Heading(common.Markdown("Removal_Title", risk.Id.ToString())),
            CardElements.Text(common.Markdown("Removal_Explain")),
        };
        var actions = new List<CardAction>();
        foreach (var (field, text) in RemovableFields(risk))
        {
            body.Add(CardElements.Section(Markdown.Literal(RiskFields.FormLabel(field))));
            body.Add(CardElements.UserText(text));
            actions.Add(CardElements.Execute(
                common.Format("Removal_From", common[$"Field_{field}"]),
                CardVerbs.RemoveFromRisk,
                CardElements.Data(("risk", risk.Id.ToString()), ("field", field.ToString()))));
        }

        actions.Add(CardElements.Execute(common["Removal_Cancel"], CardVerbs.ViewRisk, CardElements.Data(("risk", risk.Id.ToString()))));
        return new AdaptiveCard(body, actions).ToJObject();
    }

    /// <summary>
    /// Who already did what was just tried, and when, for a second click or a card acted on after
    /// someone else: a settled (accepted or closed) risk for any action, and an acknowledged one for
    /// <paramref name="acknowledging"/>. Null when the refusal had another reason (e.g. no reason given).
    /// </summary>
    public static Markdown? HandledBy(HealthItPm.Domain.Projects.Project project, Risk risk, bool acknowledging)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(risk);
        var handled = risk.IsOpen
            ? acknowledging && risk.Acknowledged is not null ? risk.History.LastOrDefault(e => e.Kind == RiskEventKind.Acknowledged) : null
            : risk.History.LastOrDefault(e => e.Kind == RiskEventKind.StatusChanged && e.By is not null);
        if (handled is null)
        {
            return null;
        }

        var who = project.Members.FirstOrDefault(m => m.Person == handled.By)?.DisplayName ?? Texts["Risk_ALeader"];
        return Texts.Markdown(
            handled.Kind == RiskEventKind.Acknowledged ? "Risk_AlreadyAcknowledged" : $"Risk_Already_{risk.Status}",
            risk.Id.ToString(),
            who,
            Markdown.When(handled.At));
    }
}

/// <summary>Puts names to the people a risk refers to, from the project's members.</summary>
public static class RiskViews
{
    /// <summary>At most this many people in a risk card's owner list, so the card stays under Teams' size limit.</summary>
    public const int MaxOwnerChoices = 60;

    /// <summary>
    /// The risk as <paramref name="viewer"/> sees it; with <paramref name="ownerSearch"/> (a client
    /// that searches as one types) the owner list offers the first few and the rest are found by name.
    /// </summary>
    public static RiskView Of(
        HealthItPm.Domain.Projects.Project project,
        Risk risk,
        DateTimeOffset now,
        RiskPermissions? viewer = null,
        IReadOnlyList<string>? refreshFor = null,
        bool ownerSearch = false)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(risk);
        string? NameOf(HealthItPm.Domain.Common.PersonId? person) => project.Members.FirstOrDefault(m => m.Person == person)?.DisplayName;
        var chain = project.EscalationChain;
        var byName = project.Members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList();
        var owners = byName
            .OrderBy(m => m.Person == risk.Owner ? 0 : m.Role == HealthItPm.Domain.Security.ProjectRole.Stakeholder ? 2 : 1)
            .Take(ownerSearch ? PeopleField.MaxOffered : MaxOwnerChoices)
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture);
        return new RiskView(risk, project.Name, NameOf(risk.Owner), NameOf(risk.Acknowledged?.By), now,
            [.. byName.Select(m => (m.DisplayName, m.Person.Value))],
            viewer ?? RiskPermissions.None,
            refreshFor ?? [])
        {
            OwnerChoices = [.. owners.Select(m => (m.DisplayName, PersonChoice.Value(m.Person)))],
            OwnerDataset = ownerSearch ? ProjectPeople.Dataset(project.Code, leadersOnly: false) : null,
            EscalatedToName = risk.EscalationLevel is > 0 and var level && level <= chain.Count ? NameOf(chain[level - 1]) : null,
            Chain = [.. chain.Select(p => NameOf(p))],
        };
    }
}

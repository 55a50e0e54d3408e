using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// <c>pm allow</c> (admins): pick people from this chat's or team's roster who may create projects.
/// Names come from the roster read at submit, never from the card.
/// </summary>
public sealed class AllowProjectManagersForm(ProjectService projects, AccessPolicy access, IRoster roster) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("pm allow", ProjectAction.AllowProjectManagers);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.AllowProjectManagers;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (Refused(caller) is { } refused)
        {
            return refused;
        }

        var members = await roster.ReadAsync(turn, cancellationToken);
        var mentioned = TeamsRoster.Mentioned(turn.Activity);
        return FormCard.Build(Blank(members) with
        {
            Values = new Dictionary<string, string>
            {
                ["people"] = string.Join(',', members.Where(m => mentioned.Contains(m.TeamsUserId)).Select(m => m.Person.Value)),
            },
        });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        // Authorized before the roster is read or the form shown again.
        if (Refused(caller) is { } refused)
        {
            return refused;
        }

        var members = await roster.ReadAsync(turn, cancellationToken);
        var blank = Blank(members);
        var values = new FormValues(data, blank.Fields);
        var chosen = values.Choices(People(members));
        if (!values.IsValid || chosen.Count == 0)
        {
            values.AddError("people", ProjectTexts.Commands["PmAllow_PickOne"]);
            return FormCard.Build(values.Reshow(blank));
        }

        var people = members.Where(m => chosen.Contains(m.Person.Value)).Select(m => (m.Person, m.Name));
        var outcome = await projects.AllowProjectManagersAsync(caller.Tenant, caller.Person, people, cancellationToken);
        return ProjectOutcomes.Card(outcome, granted => NoticeCard.Build(new NoticeCardModel(
            ProjectTexts.Commands["PmAllow_Done_Title"],
            ProjectTexts.Commands.Say(
                "PmAllow_Done",
                string.Join(", ", granted.Select(g => CardElements.Escape(g.Name)).Order(StringComparer.CurrentCulture))))));
    }

    private JObject? Refused(Caller caller) =>
        access.CanInTenant(caller.Person, ProjectAction.AllowProjectManagers) is { Allowed: false, Refusal: var refusal }
            ? NoticeCard.Build(RefusalNotice.Of(refusal!))
            : null;

    private static ChoiceField People(IReadOnlyList<RosterMember> members) =>
        new(
            "people",
            ProjectTexts.Commands["StakeholderAdd_People"],
            true,
            [.. members.OrderBy(m => m.Name, StringComparer.CurrentCulture).Select(m => (m.Name, m.Person.Value))],
            MultiSelect: true);

    private FormModel Blank(IReadOnlyList<RosterMember> members) => new(
        ProjectTexts.Commands["PmAllow_FormTitle"],
        ProjectTexts.Commands["PmAllow_FormIntro"],
        [People(members)],
        ProjectTexts.Commands["PmAllow_Submit"],
        Verb,
        new Dictionary<string, string>());
}

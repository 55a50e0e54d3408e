using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Features.People;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// <c>stakeholder add</c>: pick people — the conversation's members and colleagues the bot knows are
/// listed, anyone else is found by typing their name (people @mentioned in the command come
/// pre-selected) — with their role, discipline and department: one for everyone picked (Add), or
/// each their own in a second step of the same card ("Set each person's role"). The names stored
/// come from the roster and the directory read at submit, never from the card.
/// </summary>
public sealed class StakeholderAddForm(
    ProjectScope scope,
    ProjectService projects,
    IRoster roster,
    IPeopleDirectory directory,
    IOptions<TeamsClientOptions> client) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("stakeholder add", ProjectAction.ManageStakeholders);

    /// <summary>
    /// The most people given each their own role in one go: three
    /// inputs each keep the card well under Teams' size limit.
    /// </summary>
    public const int MaxEach = 15;

    // The first step's second button adds this to what it sends; the second step carries the people picked under PickedKey.
    private const string EachKey = "each";
    private const string PickedKey = "picked";

    private static ChoiceField Role => new(
        "role",
        ProjectTexts.Commands["StakeholderAdd_Role"],
        true,
        [
            (ProjectTexts.Commands["StakeholderAdd_Stakeholder"], nameof(ProjectRole.Stakeholder)),
            (ProjectTexts.Commands["StakeholderAdd_Leader"], nameof(ProjectRole.Leader)),
            (ProjectTexts.Commands["StakeholderAdd_ProjectManager"], nameof(ProjectRole.ProjectManager)),
        ],
        Compact: false);
    private static ChoiceField Discipline => new(
        "discipline",
        ProjectTexts.Commands["StakeholderAdd_Discipline"],
        true,
        ProjectLabels.Choices<StakeholderRole>(ProjectLabels.Discipline));
    private static TextField Department => new(
        "department",
        ProjectTexts.Commands["StakeholderAdd_Department"],
        false,
        ProjectMember.MaxDepartmentLength,
        ProjectTexts.Commands["StakeholderAdd_DepartmentPlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddStakeholders;

    // The conversation's own members first: they are whom a PM adding people from a team's channel means.
    private PeopleField People(IReadOnlyList<RosterMember> members)
    {
        var search = client.Value.TypeaheadSearch;
        var offered = members
            .Take(search ? PeopleField.MaxOffered : PeopleField.MaxListed)
            .OrderBy(m => m.Name, StringComparer.CurrentCulture);
        return new(
            "people",
            ProjectTexts.Commands["StakeholderAdd_People"],
            true,
            [.. offered.Select(m => (m.Name, PersonChoice.Value(m.Person)))],
            search ? PeopleSearch.Dataset : null);
    }

    // A person's row in the second step: their name on the role, each input keyed by their choice value.
    private static (RosterMember Person, ChoiceField Role, ChoiceField Discipline, TextField Department) Row(RosterMember person)
    {
        var key = PersonChoice.Value(person.Person);
        return (
            person,
            Role with { Id = $"{Role.Id}.{key}", Label = ProjectTexts.Commands.Say("StakeholderAdd_PersonRole", person.Name) },
            Discipline with { Id = $"{Discipline.Id}.{key}" },
            Department with { Id = $"{Department.Id}.{key}" });
    }

    // The people of the second step (none at the first): those picked that the bot knows, up to MaxEach.
    private static List<(RosterMember Person, ChoiceField Role, ChoiceField Discipline, TextField Department)>? Rows(
        FormContext context, IReadOnlyDictionary<PersonId, RosterMember> known) =>
        context.Submitted?[PickedKey] is JValue { Type: JTokenType.String } picked
            ? [.. PersonChoice.ReadAll((string)picked!).Distinct().Where(known.ContainsKey).Take(MaxEach).Select(p => Row(known[p]))]
            : null;

    /// <summary>
    /// The second step: a role, discipline and department for each
    /// of <paramref name="people"/> (at most <see cref="MaxEach"/>).
    /// </summary>
    public static FormModel EachForm(ProjectCode code, IReadOnlyList<RosterMember> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        return new FormModel(
            ProjectTexts.Commands.Say("StakeholderAdd_EachTitle", code),
            people.Count == 0 ? ProjectTexts.Commands["StakeholderAdd_NobodyHere"] : null,
            [.. people.Select(Row).SelectMany(r => new FormField[] { r.Role, r.Discipline, r.Department })],
            ProjectTexts.Commands["StakeholderAdd_Submit"],
            CardVerbs.AddStakeholders,
            new Dictionary<string, string> { [PickedKey] = string.Join(',', people.Select(p => PersonChoice.Value(p.Person))) });
    }

    private async Task<IReadOnlyDictionary<PersonId, RosterMember>> KnownAsync(FormContext context, IReadOnlyList<RosterMember> members) =>
        members
            .Concat(await directory.ListAsync(context.Caller.Tenant, context.CancellationToken))
            .DistinctBy(m => m.Person)
            .ToDictionary(m => m.Person);

    protected override async Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var members = await roster.ReadAsync(context.Turn, context.CancellationToken);
        if (Rows(context, await KnownAsync(context, members)) is { } rows)
        {
            return EachForm(context.Project.Code, [.. rows.Select(r => r.Person)]);
        }

        var mentioned = TeamsRoster.Mentioned(context.Turn.Activity);
        var preselected = string.Join(',', members.Where(m => mentioned.Contains(m.TeamsUserId)).Select(m => PersonChoice.Value(m.Person)));
        return new FormModel(
            ProjectTexts.Commands.Say("StakeholderAdd_FormTitle", context.Project.Code),
            ProjectTexts.Commands.Say(
                client.Value.TypeaheadSearch ? "StakeholderAdd_FormIntro_Search" : "StakeholderAdd_FormIntro_List", MaxEach),
            [People(members), Role, Discipline, Department],
            ProjectTexts.Commands["StakeholderAdd_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                ["people"] = preselected,
                [Role.Id] = nameof(ProjectRole.Stakeholder),
                [Discipline.Id] = nameof(StakeholderRole.Clinician),
            })
        {
            MoreButtons =
            [
                new FormButton(ProjectTexts.Commands["StakeholderAdd_Each"], new Dictionary<string, string> { [EachKey] = "yes" }),
            ],
        };
    }

    protected override async Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var members = await roster.ReadAsync(context.Turn, context.CancellationToken);
        var known = await KnownAsync(context, members);
        List<ProjectMember> adding;
        if (Rows(context, known) is { } rows)
        {
            adding = [];
            foreach (var row in rows)
            {
                var (role, discipline, department) = (
                    values.Choice<ProjectRole>(row.Role),
                    values.Choice<StakeholderRole>(row.Discipline),
                    values.Guarded(row.Department, context.Phi));
                if (role is { } r && discipline is { } d)
                {
                    adding.Add(new ProjectMember(row.Person.Person, row.Person.Name, r, d, department));
                }
            }

            if (rows.Count == 0)
            {
                values.AddError(PickedKey, ProjectTexts.Commands["StakeholderAdd_Nobody"]);
            }
        }
        else
        {
            var chosen = values.People(People(members));
            var (role, discipline, department) = (
                values.Choice<ProjectRole>(Role), values.Choice<StakeholderRole>(Discipline), values.Guarded(Department, context.Phi));
            if (chosen.Any(p => !known.ContainsKey(p)))
            {
                values.AddError("people", ProjectTexts.Commands["StakeholderAdd_PickFromList"]);
            }
            else if (EachAsked(context) && chosen.Count > MaxEach)
            {
                values.AddError("people", ProjectTexts.Commands.Say("StakeholderAdd_TooManyEach", MaxEach, chosen.Count));
            }

            adding = values.IsValid
                ? [.. chosen.Select(p => new ProjectMember(p, known[p].Name, role!.Value, discipline!.Value, department))]
                : [];
        }

        if (!values.IsValid)
        {
            return null;
        }

        await roster.RememberRoutesAsync(context.Turn, [.. adding.Select(m => known[m.Person])], context.CancellationToken);
        return (project, _) =>
        {
            foreach (var member in adding)
            {
                project.AddMember(member);
            }
        };
    }

    // The first step with "Set each person's role": the same card again, a
    // row per person picked, each starting from the role chosen for all.
    protected override async Task<FormModel?> NextStepAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (!EachAsked(context) || context.Submitted?[PickedKey] is not null)
        {
            return null;
        }

        var picked = new JObject(context.Submitted!) { [PickedKey] = values.Raw["people"] };
        var next = await FormAsync(context with { Submitted = picked });
        var defaults = new Dictionary<string, string>();
        foreach (var field in next.Fields)
        {
            defaults[field.Id] = values.Raw[field.Id[..field.Id.IndexOf('.', StringComparison.Ordinal)]];
        }

        return next with { Values = defaults };
    }

    private static bool EachAsked(FormContext context) => context.Submitted?[EachKey] is not null;

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values)
    {
        var count = values.Raw.TryGetValue("people", out var people)
            ? people.Split(',', StringSplitOptions.RemoveEmptyEntries).Length
            : values.Raw.Keys.Count(k => k.StartsWith(Role.Id + ".", StringComparison.Ordinal));
        return CardBanner.Saved(
            StakeholdersCard.Build(StakeholdersModel.From(project)), ProjectTexts.Commands.Count("StakeholderAdd_Added", count));
    }
}

/// <summary><c>stakeholder remove</c>: take someone off the project, found by typing their name.</summary>
public sealed class StakeholderRemoveForm(
    ProjectScope scope,
    ProjectService projects,
    RiskChanges risks,
    IOptions<TeamsClientOptions> client) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("stakeholder remove", ProjectAction.ManageStakeholders);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RemoveStakeholder;

    private PeopleField Person(Project project) => ProjectPeople.Field(
        "person", ProjectTexts.Commands["StakeholderRemove_Person"], true, project.Code, leadersOnly: false,
        project.Members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.DisplayName, m.Person)),
        client.Value.TypeaheadSearch);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("StakeholderRemove_FormTitle", context.Project.Code),
            client.Value.TypeaheadSearch ? ProjectTexts.Commands["StakeholderRemove_FormIntro"] : null,
            [Person(context.Project)],
            ProjectTexts.Commands["StakeholderRemove_Submit"],
            Verb, new Dictionary<string, string>()));
    }

    // The one person picked, if they are on the project; else the message beside the field.
    private PersonId? Removed(Project project, FormValues values)
    {
        var picked = values.People(Person(project));
        if (picked.Count > 1 || picked.Any(p => !project.Members.Any(m => m.Person == p)))
        {
            values.AddError("person", ProjectTexts.Commands["StakeholderRemove_PickOne"]);
            return null;
        }

        return picked.Count == 1 ? picked[0] : null;
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var person = Removed(context.Project, values);
        Action<Project, DateOnly>? change = values.IsValid && person is { } removed ? (project, _) => project.RemoveMember(removed) : null;
        return Task.FromResult(change);
    }

    // The open risks the person owned pass to the PM who removed them (RiskChanges.HandOverRisksOfAsync).
    protected override async Task SavedAsync(FormContext context, Project project, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (Removed(context.Project, values) is { } removed)
        {
            await risks.HandOverRisksOfAsync(
                context.Caller.Tenant, context.Caller.Person, project.Code, removed, context.CancellationToken);
        }
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        CardBanner.Saved(StakeholdersCard.Build(StakeholdersModel.From(project)), ProjectTexts.Commands["StakeholderRemove_Done"]);
}

using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Teams.People;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary>
/// <c>stakeholder add</c>: pick people — the conversation's members and colleagues the bot knows are
/// listed, anyone else is found by typing their name (people @mentioned in the command come
/// pre-selected) — with their role, discipline and department. The names stored come from the roster
/// and the directory read at submit, never from the card.
/// </summary>
public sealed class StakeholderAddForm(ProjectScope scope, ProjectService projects, IRoster roster, IPeopleDirectory directory, IOptions<TeamsClientOptions> client) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("stakeholder add", "Add people from this chat or team (or @mention them).", "stakeholder add @Nina Patel", ForProjectManagers: true);

    private static readonly ChoiceField Role = new("role", "Role on the project", true, [("Stakeholder", nameof(ProjectRole.Stakeholder)), ("Leader (sponsor, CIO, CMIO, CNO)", nameof(ProjectRole.Leader)), ("Project manager", nameof(ProjectRole.ProjectManager))], Compact: false);
    private static readonly ChoiceField Discipline = new("discipline", "Discipline", true, ProjectLabels.Choices<StakeholderRole>(ProjectLabels.Discipline));
    private static readonly TextField Department = new("department", "Department", false, ProjectMember.MaxDepartmentLength, "e.g. ICU, Pharmacy, Radiology");

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddStakeholders;

    protected override ProjectAction Action => ProjectAction.ManageStakeholders;

    // The conversation's own members first: they are whom a PM adding people from a team's channel means.
    private PeopleField People(IReadOnlyList<RosterMember> members)
    {
        var search = client.Value.TypeaheadSearch;
        return new("people", "People", true, [.. members.Take(search ? PeopleField.MaxOffered : PeopleField.MaxListed).OrderBy(m => m.Name, StringComparer.CurrentCulture).Select(m => (m.Name, PersonChoice.Value(m.Person)))], search ? PeopleSearch.Dataset : null);
    }

    protected override async Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var members = await roster.ReadAsync(context.Turn, context.CancellationToken);
        var mentioned = TeamsRoster.Mentioned(context.Turn.Activity);
        var preselected = string.Join(',', members.Where(m => mentioned.Contains(m.TeamsUserId)).Select(m => PersonChoice.Value(m.Person)));
        return new FormModel(
            $"{context.Project.Code} · Add people",
            client.Value.TypeaheadSearch
                ? "Type a name to find anyone in a team or chat HealthItPm is in, or who uses it; people in this conversation are listed."
                : "Pick from the people in this conversation and colleagues HealthItPm knows (from the teams and chats it is in, and who use it).",
            [People(members), Role, Discipline, Department],
            "Add",
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["people"] = preselected, [Role.Id] = nameof(ProjectRole.Stakeholder), [Discipline.Id] = nameof(StakeholderRole.Clinician) });
    }

    protected override async Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var members = await roster.ReadAsync(context.Turn, context.CancellationToken);
        var chosen = values.People(People(members));
        var (role, discipline, department) = (values.Choice<ProjectRole>(Role), values.Choice<StakeholderRole>(Discipline), values.Text(Department));
        var known = members.Concat(await directory.ListAsync(context.Caller.Tenant, context.CancellationToken)).DistinctBy(m => m.Person).ToDictionary(m => m.Person);
        if (chosen.Any(p => !known.ContainsKey(p)))
        {
            values.AddError("people", "Pick people from the list. Type a name to find them.");
        }

        if (!values.IsValid)
        {
            return null;
        }

        var people = chosen.Select(p => known[p]).ToList();
        await roster.RememberRoutesAsync(context.Turn, people, context.CancellationToken);
        return (project, _) =>
        {
            foreach (var person in people)
            {
                project.AddMember(new ProjectMember(person.Person, person.Name, role!.Value, discipline!.Value, department));
            }
        };
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values)
    {
        var count = values.Raw["people"].Split(',', StringSplitOptions.RemoveEmptyEntries).Length;
        return ProjectElements.Saved(StakeholdersCard.Build(StakeholdersModel.From(project)), count == 1 ? "Added 1 person." : $"Added {count} people.");
    }
}

/// <summary><c>stakeholder remove</c>: take someone off the project.</summary>
public sealed class StakeholderRemoveForm(ProjectScope scope, ProjectService projects, RiskService risks) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("stakeholder remove", "Take someone off the project.", "stakeholder remove", ForProjectManagers: true);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RemoveStakeholder;

    protected override ProjectAction Action => ProjectAction.ManageStakeholders;

    private static ChoiceField Person(Project project) =>
        new("person", "Person", true, [.. project.Members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.DisplayName, m.Person.Value))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new FormModel($"{context.Project.Code} · Remove someone", null, [Person(context.Project)], "Remove", Verb, new Dictionary<string, string>()));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var person = values.Choice(Person(context.Project));
        Action<Project, DateOnly>? change = values.IsValid ? (project, _) => project.RemoveMember(new PersonId(person!)) : null;
        return Task.FromResult(change);
    }

    // The open risks the person owned pass to the PM who removed them (RiskService.HandOverRisksOfAsync).
    protected override async Task SavedAsync(FormContext context, Project project, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Choice(Person(context.Project)) is { } removed)
        {
            await risks.HandOverRisksOfAsync(context.Caller.Tenant, context.Caller.Person, project.Code, new PersonId(removed), context.CancellationToken);
        }
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(StakeholdersCard.Build(StakeholdersModel.From(project)), "Removed from the project. Open risks they owned passed to you (to its first PM if you are not on it).");
}

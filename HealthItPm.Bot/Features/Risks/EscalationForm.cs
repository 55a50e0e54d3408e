using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// <c>escalation</c> (PMs): the project's escalation policy — up to three leaders in order, how long
/// each has to acknowledge, and whether that clock runs around the clock or in office hours.
/// </summary>
public sealed class EscalationForm(ProjectScope scope, ProjectService projects, IOptions<TeamsClientOptions> client)
    : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("escalation", ProjectAction.ManageEscalation);

    private static readonly int[] SlaMinutes = [30, 60, 120, 240, 480, 1440];

    private static ChoiceField Sla => new("sla", RiskTexts.Commands["Escalation_Sla"], true,
        [.. SlaMinutes.Select(m =>
            (ProblemText.Value(TimeSpan.FromMinutes(m), CultureInfo.CurrentCulture), m.ToString(CultureInfo.InvariantCulture)))]);

    private static ChoiceField Clock => new("clock", RiskTexts.Commands["Escalation_Clock"], true,
        [(RiskTexts.Commands["Escalation_AroundTheClock"], "always"), (RiskTexts.Commands["Escalation_BusinessHours"], "business")],
        Compact: false);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.SetEscalation;

    // The project's leaders, found by typing; those already in the chain are listed first so the form shows them by name.
    private PeopleField Level(Project project, int level) => ProjectPeople.Field(
        $"level{level}",
        level == 1 ? RiskTexts.Commands["Escalation_LevelOne"] : RiskTexts.Commands.Say("Escalation_Level", level, level - 1),
        level == 1,
        project.Code,
        leadersOnly: true,
        project.Members.Where(m => m.Role == ProjectRole.Leader)
            .OrderBy(m => project.EscalationChain.Contains(m.Person) ? 0 : 1)
            .ThenBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .Select(m => (m.DisplayName, m.Person)),
        client.Value.TypeaheadSearch);

    // The leader picked for a level (none for an empty one); anyone else gets the message beside the field.
    private PersonId? Leader(Project project, int level, FormValues values)
    {
        var field = Level(project, level);
        var picked = values.People(field);
        if (picked.Count > 1 || picked.Any(p => !project.Members.Any(m => m.Person == p && m.Role == ProjectRole.Leader)))
        {
            values.AddError(field.Id, RiskTexts.Commands["Escalation_PickALeader"]);
            return null;
        }

        return picked.Count == 1 ? picked[0] : null;
    }

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var project = context.Project;
        var levels = Enumerable.Range(1, 3).Select(l => Level(project, l)).ToList();
        var values = new Dictionary<string, string>
        {
            [Sla.Id] = ((int)project.AcknowledgementSla.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            [Clock.Id] = project.SlaInBusinessHours ? "business" : "always",
        };
        foreach (var (person, i) in project.EscalationChain.Select((p, i) => (p, i)))
        {
            values[levels[i].Id] = PersonChoice.Value(person);
        }

        return Task.FromResult(new FormModel(
            RiskTexts.Commands.Say("Escalation_FormTitle", project.Code),
            RiskTexts.Commands[project.Members.Any(m => m.Role == ProjectRole.Leader) ? "Escalation_FormIntro" : "Escalation_NoLeaders"],
            [.. levels, Sla, Clock],
            Wording.Common["Form_Save"],
            Verb,
            new Dictionary<string, string>(),
            values));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var chain = Enumerable.Range(1, 3).Select(l => Leader(context.Project, l, values)).ToList();
        var minutes = values.Choice(Sla);
        var clock = values.Choice(Clock);
        if (chain is [_, null, not null] or [null, ..])
        {
            values.AddError("level2", RiskTexts.Commands["Escalation_InOrder"]);
        }

        Action<Project, DateOnly>? change = values.IsValid
            ? (project, _) => project.SetEscalation(
                [.. chain.OfType<PersonId>()],
                TimeSpan.FromMinutes(int.Parse(minutes!, CultureInfo.InvariantCulture)),
                clock == "business")
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        CardBanner.Saved(EscalationCard.Build(project), RiskTexts.Commands["Escalation_Saved"]);
}

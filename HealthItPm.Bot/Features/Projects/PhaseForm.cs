using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// <c>phase</c> (PM): moves the project through planning → build → testing → training → go-live →
/// stabilization → closed; each move is kept with who made it and when.
/// </summary>
public sealed class PhaseForm(ProjectScope scope, ProjectService projects, TimeProvider clock) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("phase", ProjectAction.ChangePhase);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.ChangePhase;

    private static ChoiceField To(Project project) =>
        new(
            "phase",
            ProjectTexts.Commands["Phase_Next"],
            true,
            [.. project.NextPhases.Select(p => (
                p < project.Phase ? ProjectTexts.Commands.Say("Phase_Back", ProjectLabels.Phase(p)) : ProjectLabels.Phase(p),
                p.ToString()))],
            Compact: false);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = To(context.Project);
        var next = context.Project.NextPhases.Where(p => p > context.Project.Phase).Order().ToList();
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("Phase_FormTitle", context.Project.Code),
            ProjectElements.PhaseLine(context.Project) + " " + ProjectElements.PhaseHistoryLine(context.Project),
            [to],
            ProjectTexts.Commands["Phase_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [to.Id] = next.Count > 0 ? next[0].ToString() : string.Empty }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var phase = values.Choice<ProjectPhase>(To(context.Project));
        var by = context.Caller.Person;
        Action<Project, DateOnly>? change = values.IsValid && phase is { } to
            ? (project, _) => project.MoveTo(to, by, clock.GetUtcNow())
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(project);
        return NoticeCard.Build(new NoticeCardModel(
            ProjectTexts.Commands.Say("Phase_Moved_Title", project.Code, ProjectLabels.Phase(project.Phase)),
            ProjectElements.PhaseHistoryLine(project),
            (ProjectTexts.Commands["Phase_ShowStatus"], $"{StatusCommand.Command.Name} {project.Code.Value}")));
    }
}

using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary><c>milestone add</c>: name, planned date and weight (share of the work).</summary>
public sealed class MilestoneAddForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone add", ProjectAction.ManageMilestones);

    private static TextField Name => new("name", Wording.Projects["Milestone_Milestone"], true, Milestone.MaxNameLength, Wording.Projects["MilestoneAdd_NamePlaceholder"]);
    private static DateField Planned => new("planned", Wording.Projects["MilestoneAdd_Planned"], true);
    private static NumberField Weight => new("weight", Wording.Projects["MilestoneAdd_Weight"], true, 0.01m, 1000m, Wording.Projects["MilestoneAdd_WeightPlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddMilestone;

    protected override Task<FormModel> FormAsync(FormContext context) => Task.FromResult(new FormModel(
        Wording.Projects.Say("MilestoneAdd_FormTitle", context.Project.Code),
        Wording.Projects["MilestoneAdd_FormIntro"],
        [Name, Planned, Weight],
        Wording.Projects["MilestoneAdd_Submit"],
        Verb,
        new Dictionary<string, string>(),
        new Dictionary<string, string> { [Weight.Id] = "10" }));

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (name, planned, weight) = (values.Guarded(Name, context.Phi), values.Date(Planned), values.Number(Weight));
        Action<Project, DateOnly>? change = values.IsValid
            ? (project, _) => project.AddMilestone(new Milestone(name!, planned!.Value, weight!.Value))
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(MilestonesCard.Build(MilestonesModel.From(project, today)), Wording.Projects.Say("MilestoneAdd_Added", CardElements.Escape(values.Raw[Name.Id])));
}

/// <summary><c>milestone done</c>: mark an open milestone done (today, or the day it was really done).</summary>
public sealed class MilestoneDoneForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone done", ProjectAction.ManageMilestones);

    private static DateField DoneOn => new("done", Wording.Projects["MilestoneDone_On"], true);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.CompleteMilestone;

    private static ChoiceField Which(Project project) => new(
        "milestone",
        Wording.Projects["Milestone_Milestone"],
        true,
        [.. project.Milestones.Where(m => !m.IsDone).Select(m => (m.Name, m.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            Wording.Projects.Say("MilestoneDone_FormTitle", context.Project.Code),
            which.Choices.Count == 0 ? Wording.Projects["Milestone_AllDone"] : null,
            [which, DoneOn],
            Wording.Projects["MilestoneDone_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                // The earliest open milestone is usually the one just finished.
                [which.Id] = which.Choices.Count > 0 ? which.Choices[0].Value : string.Empty,
                [DoneOn.Id] = FormValues.DateValue(context.Today),
            }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (name, done) = (values.Choice(Which(context.Project)), values.Date(DoneOn, notAfter: context.Today));

        Action<Project, DateOnly>? change = values.IsValid ? (project, today) => project.CompleteMilestone(name!, done!.Value, today) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(MilestonesCard.Build(MilestonesModel.From(project, today)), Wording.Projects.Say("MilestoneDone_Done", CardElements.Escape(values.Raw["milestone"])));
}

/// <summary><c>milestone progress</c>: how far an open milestone has got, in percent; earned value follows it.</summary>
public sealed class MilestoneProgressForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone progress", ProjectAction.ManageMilestones);

    private static NumberField Percent => new("percent", Wording.Projects["MilestoneProgress_Percent"], true, 0, Milestone.MaxPercentOpen, Wording.Projects["MilestoneProgress_PercentPlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordMilestoneProgress;

    private static ChoiceField Which(Project project) => new(
        "milestone",
        Wording.Projects["Milestone_Milestone"],
        true,
        [.. project.Milestones.Where(m => !m.IsDone).Select(m => (m.PercentComplete is { } p ? Wording.Projects.Say("MilestoneProgress_Choice", m.Name, p) : m.Name, m.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            Wording.Projects.Say("MilestoneProgress_FormTitle", context.Project.Code),
            Wording.Projects[which.Choices.Count == 0 ? "Milestone_AllDone" : "MilestoneProgress_FormIntro"],
            [which, Percent],
            Wording.Projects["MilestoneProgress_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [which.Id] = which.Choices.Count > 0 ? which.Choices[0].Value : string.Empty }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (name, percent) = (values.Choice(Which(context.Project)), values.Number(Percent));
        if (percent is { } p && p != decimal.Truncate(p))
        {
            values.AddError(Percent.Id, Wording.Projects["MilestoneProgress_WholeNumber"]);
        }

        Action<Project, DateOnly>? change = values.IsValid ? (project, _) => project.RecordProgress(name!, (int)percent!.Value) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(MilestonesCard.Build(MilestonesModel.From(project, today)), Wording.Projects.Say("MilestoneProgress_Done", CardElements.Escape(values.Raw["milestone"]), values.Raw[Percent.Id]));
}

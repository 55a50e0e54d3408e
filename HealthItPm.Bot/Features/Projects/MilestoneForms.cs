using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary><c>milestone add</c>: name, planned date and weight (share of the work).</summary>
public sealed class MilestoneAddForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone add", ProjectAction.ManageMilestones);

    private static TextField Name => new(
        "name",
        ProjectTexts.Commands["Milestone_Milestone"],
        true,
        Milestone.MaxNameLength,
        ProjectTexts.Commands["MilestoneAdd_NamePlaceholder"]);
    private static DateField Planned => new("planned", ProjectTexts.Commands["MilestoneAdd_Planned"], true);
    private static NumberField Weight => new(
        "weight",
        ProjectTexts.Commands["MilestoneAdd_Weight"],
        true,
        0.01m,
        1000m,
        ProjectTexts.Commands["MilestoneAdd_WeightPlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddMilestone;

    protected override Task<FormModel> FormAsync(FormContext context) => Task.FromResult(new FormModel(
        ProjectTexts.Commands.Say("MilestoneAdd_FormTitle", context.Project.Code),
        ProjectTexts.Commands["MilestoneAdd_FormIntro"],
        [Name, Planned, Weight],
        ProjectTexts.Commands["MilestoneAdd_Submit"],
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
        CardBanner.Saved(
            MilestonesCard.Build(MilestonesModel.From(project, today)),
            ProjectTexts.Commands.Say("MilestoneAdd_Added", CardElements.Escape(values.Raw[Name.Id])));
}

/// <summary><c>milestone done</c>: mark an open milestone done (today, or the day it was really done).</summary>
public sealed class MilestoneDoneForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone done", ProjectAction.ManageMilestones);

    private static DateField DoneOn => new("done", ProjectTexts.Commands["MilestoneDone_On"], true);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.CompleteMilestone;

    private static ChoiceField Which(Project project) => new(
        "milestone",
        ProjectTexts.Commands["Milestone_Milestone"],
        true,
        [.. project.Milestones.Where(m => !m.IsDone).Select(m => (m.Name, m.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("MilestoneDone_FormTitle", context.Project.Code),
            which.Choices.Count == 0 ? ProjectTexts.Commands["Milestone_AllDone"] : null,
            [which, DoneOn],
            ProjectTexts.Commands["MilestoneDone_Submit"],
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

        Action<Project, DateOnly>? change =
            values.IsValid ? (project, today) => project.CompleteMilestone(name!, done!.Value, today) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        CardBanner.Saved(
            MilestonesCard.Build(MilestonesModel.From(project, today)),
            ProjectTexts.Commands.Say("MilestoneDone_Done", CardElements.Escape(values.Raw["milestone"])));
}

/// <summary><c>milestone progress</c>: how far an open milestone has got, in percent; earned value follows it.</summary>
public sealed class MilestoneProgressForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone progress", ProjectAction.ManageMilestones);

    private static NumberField Percent => new(
        "percent",
        ProjectTexts.Commands["MilestoneProgress_Percent"],
        true,
        0,
        Milestone.MaxPercentOpen,
        ProjectTexts.Commands["MilestoneProgress_PercentPlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordMilestoneProgress;

    private static ChoiceField Which(Project project) => new(
        "milestone",
        ProjectTexts.Commands["Milestone_Milestone"],
        true,
        [.. project.Milestones
            .Where(m => !m.IsDone)
            .Select(m => (
                m.PercentComplete is { } p ? ProjectTexts.Commands.Say("MilestoneProgress_Choice", m.Name, p) : m.Name,
                m.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("MilestoneProgress_FormTitle", context.Project.Code),
            ProjectTexts.Commands[which.Choices.Count == 0 ? "Milestone_AllDone" : "MilestoneProgress_FormIntro"],
            [which, Percent],
            ProjectTexts.Commands["MilestoneProgress_Submit"],
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
            values.AddError(Percent.Id, ProjectTexts.Commands["MilestoneProgress_WholeNumber"]);
        }

        Action<Project, DateOnly>? change = values.IsValid ? (project, _) => project.RecordProgress(name!, (int)percent!.Value) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        CardBanner.Saved(
            MilestonesCard.Build(MilestonesModel.From(project, today)),
            ProjectTexts.Commands.Say("MilestoneProgress_Done", CardElements.Escape(values.Raw["milestone"]), values.Raw[Percent.Id]));
}

using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary><c>milestone add</c>: name, planned date and weight (share of the work).</summary>
public sealed class MilestoneAddForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone add", ForProjectManagers: true);

    private static readonly TextField Name = new("name", "Milestone", true, Milestone.MaxNameLength, "e.g. Integrated testing complete");
    private static readonly DateField Planned = new("planned", "Planned date", true);
    private static readonly NumberField Weight = new("weight", "Weight (share of the work)", true, 0.01m, 1000m, "e.g. 10");

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddMilestone;

    protected override ProjectAction Action => ProjectAction.ManageMilestones;

    protected override Task<FormModel> FormAsync(FormContext context) => Task.FromResult(new FormModel(
        $"{context.Project.Code} · Add a milestone",
        "Weights are relative: a milestone of weight 20 is twice the work of one of weight 10. Earned value follows them.",
        [Name, Planned, Weight],
        "Add milestone",
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
        ProjectElements.Saved(MilestonesCard.Build(MilestonesModel.From(project, today)), $"Added milestone \u201c{CardElements.Escape(values.Raw[Name.Id])}\u201d.");
}

/// <summary><c>milestone done</c>: mark an open milestone done (today, or the day it was really done).</summary>
public sealed class MilestoneDoneForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone done", ForProjectManagers: true);

    private static readonly DateField DoneOn = new("done", "Done on", true);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.CompleteMilestone;

    protected override ProjectAction Action => ProjectAction.ManageMilestones;

    private static ChoiceField Which(Project project) => new(
        "milestone",
        "Milestone",
        true,
        [.. project.Milestones.Where(m => !m.IsDone).Select(m => (m.Name, m.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            $"{context.Project.Code} · Mark a milestone done",
            which.Choices.Count == 0 ? "Every milestone is done. Type **milestone add** to plan another." : null,
            [which, DoneOn],
            "Mark done",
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
        ProjectElements.Saved(MilestonesCard.Build(MilestonesModel.From(project, today)), $"Marked \u201c{CardElements.Escape(values.Raw["milestone"])}\u201d done.");
}

/// <summary><c>milestone progress</c>: how far an open milestone has got, in percent; earned value follows it.</summary>
public sealed class MilestoneProgressForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestone progress", ForProjectManagers: true);

    private static readonly NumberField Percent = new("percent", "Percent complete (0–99)", true, 0, Milestone.MaxPercentOpen, "e.g. 40");

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordMilestoneProgress;

    protected override ProjectAction Action => ProjectAction.ManageMilestones;

    private static ChoiceField Which(Project project) => new(
        "milestone",
        "Milestone",
        true,
        [.. project.Milestones.Where(m => !m.IsDone).Select(m => (m.PercentComplete is { } p ? $"{m.Name} ({p}%)" : m.Name, m.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            $"{context.Project.Code} · Milestone progress",
            which.Choices.Count == 0
                ? "Every milestone is done. Type **milestone add** to plan another."
                : "Earned value then credits each open milestone with its share done, instead of nothing until it is done. At 100%, mark it done with **milestone done**.",
            [which, Percent],
            "Save progress",
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
            values.AddError(Percent.Id, "Percent complete is a whole number, like 40.");
        }

        Action<Project, DateOnly>? change = values.IsValid ? (project, _) => project.RecordProgress(name!, (int)percent!.Value) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(MilestonesCard.Build(MilestonesModel.From(project, today)), $"\u201c{CardElements.Escape(values.Raw["milestone"])}\u201d is {values.Raw[Percent.Id]}% complete.");
}

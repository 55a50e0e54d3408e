using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary><c>kpi add</c>: an outcome measure with baseline, target and direction.</summary>
public sealed class KpiAddForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("kpi add", ForProjectManagers: true);

    private static readonly TextField Name = new("name", "KPI", true, Kpi.MaxNameLength, "e.g. Clinic no-show rate");
    private static readonly TextField Unit = new("unit", "Unit", true, Kpi.MaxUnitLength, "e.g. %, hours, per 1,000 orders");
    private static readonly NumberField Baseline = new("baseline", "Baseline", true, -1_000_000_000m, 1_000_000_000m);
    private static readonly NumberField Target = new("target", "Target", true, -1_000_000_000m, 1_000_000_000m);
    private static readonly ChoiceField Direction = new("direction", "Better is", true, [("Lower", nameof(KpiDirection.LowerIsBetter)), ("Higher", nameof(KpiDirection.HigherIsBetter))]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddKpi;

    protected override ProjectAction Action => ProjectAction.ManageKpis;

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new FormModel(
            $"{context.Project.Code} · Add a KPI",
            null,
            [Name, Unit, Baseline, Target, Direction],
            "Add KPI",
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [Direction.Id] = nameof(KpiDirection.LowerIsBetter) }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (name, unit, baseline, target, direction) = (values.Guarded(Name, context.Phi), values.Guarded(Unit, context.Phi), values.Number(Baseline), values.Number(Target), values.Choice<KpiDirection>(Direction));
        if (values.IsValid && (direction == KpiDirection.LowerIsBetter ? target >= baseline : target <= baseline))
        {
            values.AddError(Target.Id, direction == KpiDirection.LowerIsBetter ? "When lower is better, the target must be below the baseline." : "When higher is better, the target must be above the baseline.");
        }

        Action<Project, DateOnly>? change = values.IsValid
            ? (project, _) => project.AddKpi(new Kpi(name!, unit!, baseline!.Value, target!.Value, direction!.Value))
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(KpisCard.Build(new KpisModel(project.Code.Value, project.Name, project.Kpis)), $"Added KPI \u201c{CardElements.Escape(values.Raw[Name.Id])}\u201d.");
}

/// <summary><c>kpi record</c>: a new measurement of a KPI.</summary>
public sealed class KpiRecordForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("kpi record", ForProjectManagers: true);

    private static readonly NumberField Value = new("value", "Value", true, -1_000_000_000m, 1_000_000_000m);
    private static readonly DateField On = new("date", "Measured on", true);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordKpi;

    protected override ProjectAction Action => ProjectAction.ManageKpis;

    private static ChoiceField Which(Project project) => new("kpi", "KPI", true, [.. project.Kpis.Select(k => (k.Name, k.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            $"{context.Project.Code} · Record a KPI value",
            which.Choices.Count == 0 ? "There are no KPIs yet. Type **kpi add** first." : null,
            [which, Value, On],
            "Record value",
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [On.Id] = FormValues.DateValue(context.Today) }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (name, value, date) = (values.Choice(Which(context.Project)), values.Number(Value), values.Date(On, notAfter: context.Today));

        Action<Project, DateOnly>? change = values.IsValid ? (project, today) => project.RecordKpi(name!, new KpiMeasurement(date!.Value, value!.Value), today) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(KpisCard.Build(new KpisModel(project.Code.Value, project.Name, project.Kpis)), "Value recorded.");
}

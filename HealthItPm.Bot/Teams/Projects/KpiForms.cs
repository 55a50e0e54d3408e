using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary><c>kpi add</c>: an outcome measure with baseline, target and direction.</summary>
public sealed class KpiAddForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("kpi add", ProjectAction.ManageKpis);

    private static TextField Name => new("name", Wording.Projects["Kpi_Kpi"], true, Kpi.MaxNameLength, Wording.Projects["KpiAdd_NamePlaceholder"]);
    private static TextField Unit => new("unit", Wording.Projects["KpiAdd_Unit"], true, Kpi.MaxUnitLength, Wording.Projects["KpiAdd_UnitPlaceholder"]);
    private static NumberField Baseline => new("baseline", Wording.Projects["KpiAdd_Baseline"], true, -1_000_000_000m, 1_000_000_000m);
    private static NumberField Target => new("target", Wording.Projects["KpiAdd_Target"], true, -1_000_000_000m, 1_000_000_000m);
    private static ChoiceField Direction => new("direction", Wording.Projects["KpiAdd_Direction"], true, [(Wording.Projects["KpiAdd_Lower"], nameof(KpiDirection.LowerIsBetter)), (Wording.Projects["KpiAdd_Higher"], nameof(KpiDirection.HigherIsBetter))]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddKpi;

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new FormModel(
            Wording.Projects.Say("KpiAdd_FormTitle", context.Project.Code),
            null,
            [Name, Unit, Baseline, Target, Direction],
            Wording.Projects["KpiAdd_Submit"],
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
            values.AddError(Target.Id, Wording.Projects[direction == KpiDirection.LowerIsBetter ? "KpiAdd_TargetBelow" : "KpiAdd_TargetAbove"]);
        }

        Action<Project, DateOnly>? change = values.IsValid
            ? (project, _) => project.AddKpi(new Kpi(name!, unit!, baseline!.Value, target!.Value, direction!.Value))
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(KpisCard.Build(new KpisModel(project.Code.Value, project.Name, project.Kpis)), Wording.Projects.Say("KpiAdd_Added", CardElements.Escape(values.Raw[Name.Id])));
}

/// <summary><c>kpi record</c>: a new measurement of a KPI.</summary>
public sealed class KpiRecordForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("kpi record", ProjectAction.ManageKpis);

    private static NumberField Value => new("value", Wording.Projects["KpiRecord_Value"], true, -1_000_000_000m, 1_000_000_000m);
    private static DateField On => new("date", Wording.Projects["KpiRecord_On"], true);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordKpi;

    private static ChoiceField Which(Project project) => new("kpi", Wording.Projects["Kpi_Kpi"], true, [.. project.Kpis.Select(k => (k.Name, k.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            Wording.Projects.Say("KpiRecord_FormTitle", context.Project.Code),
            which.Choices.Count == 0 ? Wording.Projects["KpiRecord_NoKpis"] : null,
            [which, Value, On],
            Wording.Projects["KpiRecord_Submit"],
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
        ProjectElements.Saved(KpisCard.Build(new KpisModel(project.Code.Value, project.Name, project.Kpis)), Wording.Projects["KpiRecord_Done"]);
}

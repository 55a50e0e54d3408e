using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary><c>kpi add</c>: an outcome measure with baseline, target and direction.</summary>
public sealed class KpiAddForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("kpi add", ProjectAction.ManageKpis);

    private static TextField Name =>
        new("name", ProjectTexts.Commands["Kpi_Kpi"], true, Kpi.MaxNameLength, ProjectTexts.Commands["KpiAdd_NamePlaceholder"]);
    private static TextField Unit =>
        new("unit", ProjectTexts.Commands["KpiAdd_Unit"], true, Kpi.MaxUnitLength, ProjectTexts.Commands["KpiAdd_UnitPlaceholder"]);
    private static NumberField Baseline => new("baseline", ProjectTexts.Commands["KpiAdd_Baseline"], true, -1_000_000_000m, 1_000_000_000m);
    private static NumberField Target => new("target", ProjectTexts.Commands["KpiAdd_Target"], true, -1_000_000_000m, 1_000_000_000m);
    private static ChoiceField Direction => new(
        "direction",
        ProjectTexts.Commands["KpiAdd_Direction"],
        true,
        [
            (ProjectTexts.Commands["KpiAdd_Lower"], nameof(KpiDirection.LowerIsBetter)),
            (ProjectTexts.Commands["KpiAdd_Higher"], nameof(KpiDirection.HigherIsBetter)),
        ]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.AddKpi;

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("KpiAdd_FormTitle", context.Project.Code),
            null,
            [Name, Unit, Baseline, Target, Direction],
            ProjectTexts.Commands["KpiAdd_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [Direction.Id] = nameof(KpiDirection.LowerIsBetter) }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (name, unit, baseline, target, direction) = (
            values.Guarded(Name, context.Phi),
            values.Guarded(Unit, context.Phi),
            values.Number(Baseline),
            values.Number(Target),
            values.Choice<KpiDirection>(Direction));
        if (values.IsValid && (direction == KpiDirection.LowerIsBetter ? target >= baseline : target <= baseline))
        {
            values.AddError(
                Target.Id, ProjectTexts.Commands[direction == KpiDirection.LowerIsBetter ? "KpiAdd_TargetBelow" : "KpiAdd_TargetAbove"]);
        }

        Action<Project, DateOnly>? change = values.IsValid
            ? (project, _) => project.AddKpi(new Kpi(name!, unit!, baseline!.Value, target!.Value, direction!.Value))
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        CardBanner.Saved(
            KpisCard.Build(new KpisModel(project.Code.Value, project.Name, project.Kpis)),
            ProjectTexts.Commands.Say("KpiAdd_Added", CardElements.Escape(values.Raw[Name.Id])));
}

/// <summary><c>kpi record</c>: a new measurement of a KPI.</summary>
public sealed class KpiRecordForm(ProjectScope scope, ProjectService projects) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("kpi record", ProjectAction.ManageKpis);

    private static NumberField Value => new("value", ProjectTexts.Commands["KpiRecord_Value"], true, -1_000_000_000m, 1_000_000_000m);
    private static DateField On => new("date", ProjectTexts.Commands["KpiRecord_On"], true);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordKpi;

    private static ChoiceField Which(Project project) =>
        new("kpi", ProjectTexts.Commands["Kpi_Kpi"], true, [.. project.Kpis.Select(k => (k.Name, k.Name))]);

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var which = Which(context.Project);
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("KpiRecord_FormTitle", context.Project.Code),
            which.Choices.Count == 0 ? ProjectTexts.Commands["KpiRecord_NoKpis"] : null,
            [which, Value, On],
            ProjectTexts.Commands["KpiRecord_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [On.Id] = FormValues.DateValue(context.Today) }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (name, value, date) = (values.Choice(Which(context.Project)), values.Number(Value), values.Date(On, notAfter: context.Today));

        Action<Project, DateOnly>? change = values.IsValid
            ? (project, today) => project.RecordKpi(name!, new KpiMeasurement(date!.Value, value!.Value), today)
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        CardBanner.Saved(
            KpisCard.Build(new KpisModel(project.Code.Value, project.Name, project.Kpis)), ProjectTexts.Commands["KpiRecord_Done"]);
}

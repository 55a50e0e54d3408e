using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary><c>budget set</c>: the budget at completion (BAC).</summary>
public sealed class BudgetSetForm(ProjectScope scope, ProjectService projects, MoneyFormats money) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("budget set", ForProjectManagers: true);

    private static readonly MoneyField Budget = new("bac", "Budget at completion", true, 1m, 10_000_000_000m, "e.g. $2,400,000 or 2.4M");

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.SetBudget;

    protected override ProjectAction Action => ProjectAction.ManageBudget;

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.Project.BudgetAtCompletion;
        var format = money.For(context.Turn);
        return Task.FromResult(new FormModel(
            $"{context.Project.Code} · Budget",
            $"The total approved budget, in {money.Currency} (the hospital's currency). Planned and earned value are shares of it.",
            [Budget],
            "Save budget",
            Verb,
            new Dictionary<string, string>(),
            current > 0 ? new Dictionary<string, string> { [Budget.Id] = format.Format(current) } : null));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var budget = values.Money(Budget, money.Currency, money.For(context.Turn).DecimalSeparator);
        Action<Project, DateOnly>? change = values.IsValid ? (project, _) => project.SetBudget(budget!.Value) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(BudgetCard.Build(new BudgetModel(project.Code.Value, project.Name, project.EarnedValue(today), project.Spend, money.For(context!.Turn))), "Budget saved.");
}

/// <summary><c>spend</c>: record money spent (amount, date, note).</summary>
public sealed class SpendForm(ProjectScope scope, ProjectService projects, MoneyFormats money) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("spend", ForProjectManagers: true);

    private static readonly MoneyField Amount = new("amount", "Amount", true, 0.01m, 1_000_000_000m, "e.g. $25,000 or 25k");
    private static readonly DateField On = new("date", "Date", true);
    private static readonly TextField Note = new("note", "Note", false, SpendEntry.MaxNoteLength, "e.g. Vendor invoice #4411 (no patient details)");

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordSpend;

    protected override ProjectAction Action => ProjectAction.ManageBudget;

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new FormModel(
            $"{context.Project.Code} · Record spend",
            $"In {money.Currency}, the hospital's currency.",
            [Amount, On, Note],
            "Record spend",
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [On.Id] = FormValues.DateValue(context.Today) }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (amount, date, note) = (values.Money(Amount, money.Currency, money.For(context.Turn).DecimalSeparator), values.Date(On, notAfter: context.Today), values.Guarded(Note, context.Phi));

        Action<Project, DateOnly>? change = values.IsValid ? (project, today) => project.RecordSpend(new SpendEntry(amount!.Value, date!.Value, note), today) : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        ProjectElements.Saved(BudgetCard.Build(new BudgetModel(project.Code.Value, project.Name, project.EarnedValue(today), project.Spend, money.For(context!.Turn))), "Spend recorded.");
}

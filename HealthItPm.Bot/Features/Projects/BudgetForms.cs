using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary><c>budget set</c>: the budget at completion (BAC).</summary>
public sealed class BudgetSetForm(ProjectScope scope, ProjectService projects, MoneyFormats money) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("budget set", ProjectAction.ManageBudget);

    private static MoneyField Budget => new(
        "bac", ProjectTexts.Commands["BudgetSet_Budget"], true, 1m, 10_000_000_000m, ProjectTexts.Commands["BudgetSet_BudgetPlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.SetBudget;

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.Project.BudgetAtCompletion;
        var format = money.For(context.Turn);
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("BudgetSet_FormTitle", context.Project.Code),
            ProjectTexts.Commands.Say("BudgetSet_FormIntro", money.Currency),
            [Budget],
            ProjectTexts.Commands["BudgetSet_Submit"],
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
        CardBanner.Saved(
            BudgetCard.Build(new BudgetModel(
                project.Code.Value, project.Name, project.EarnedValue(today), project.Spend, money.For(context!.Turn))),
            ProjectTexts.Commands["BudgetSet_Done"]);
}

/// <summary><c>spend</c>: record money spent (amount, date, note).</summary>
public sealed class SpendForm(ProjectScope scope, ProjectService projects, MoneyFormats money) : ProjectForm(scope, projects)
{
    public static readonly CommandDefinition Command = new("spend", ProjectAction.ManageBudget);

    private static MoneyField Amount =>
        new("amount", ProjectTexts.Commands["Spend_Amount"], true, 0.01m, 1_000_000_000m, ProjectTexts.Commands["Spend_AmountPlaceholder"]);
    private static DateField On => new("date", ProjectTexts.Commands["Spend_Date"], true);
    private static TextField Note =>
        new("note", ProjectTexts.Commands["Spend_Note"], false, SpendEntry.MaxNoteLength, ProjectTexts.Commands["Spend_NotePlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => CardVerbs.RecordSpend;

    protected override Task<FormModel> FormAsync(FormContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new FormModel(
            ProjectTexts.Commands.Say("Spend_FormTitle", context.Project.Code),
            ProjectTexts.Commands.Say("Spend_FormIntro", money.Currency),
            [Amount, On, Note],
            ProjectTexts.Commands["Spend_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string> { [On.Id] = FormValues.DateValue(context.Today) }));
    }

    protected override Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var (amount, date, note) = (
            values.Money(Amount, money.Currency, money.For(context.Turn).DecimalSeparator),
            values.Date(On, notAfter: context.Today),
            values.Guarded(Note, context.Phi));

        Action<Project, DateOnly>? change = values.IsValid
            ? (project, today) => project.RecordSpend(new SpendEntry(amount!.Value, date!.Value, note), today)
            : null;
        return Task.FromResult(change);
    }

    protected override JObject Done(FormContext context, Project project, DateOnly today, FormValues values) =>
        CardBanner.Saved(
            BudgetCard.Build(new BudgetModel(
                project.Code.Value, project.Name, project.EarnedValue(today), project.Spend, money.For(context!.Turn))),
            ProjectTexts.Commands["Spend_Done"]);
}

using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

/// <summary>The budget card's figures; <paramref name="Money"/> is how the reader sees amounts (USD, en-US when not given).</summary>
public sealed record BudgetModel(string Code, string Name, EarnedValue EarnedValue, IReadOnlyList<SpendEntry> Spend, MoneyFormat? Money = null);

/// <summary><c>budget</c>: budget at completion, earned value and the latest spend.</summary>
public static class BudgetCard
{
    private const int RecentSpend = 5;

    public static JObject Build(BudgetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ev = model.EarnedValue;
        var money = model.Money ?? MoneyFormat.Default;
        var body = new List<JObject>
        {
            JsonCardElements.Heading($"{model.Code} · Budget"),
            JsonCardElements.Facts(
            [
                ("Budget at completion", ev.BudgetAtCompletion == 0 ? "not set" : ProjectFormat.Money(ev.BudgetAtCompletion, money, entered: true)),
                ("Planned value (PV)", ProjectFormat.Money(ev.PlannedValue, money)),
                ("Earned value (EV)", ProjectFormat.Money(ev.EarnedValueAmount, money)),
                ("Actual cost (AC)", ProjectFormat.Money(ev.ActualCost, money, entered: true)),
                ("SPI = EV / PV", ProjectFormat.Index(ev.Spi)),
                ("CPI = EV / AC", ProjectFormat.Index(ev.Cpi)),
                ("EAC = BAC / CPI", ProjectFormat.MoneyForecast(ev.EstimateAtCompletion, money)),
                ("EV method", ProjectElements.EarnedValueMethod(ev)),
            ]),
        };

        if (model.Spend.Count > 0)
        {
            body.Add(JsonCardElements.Section("Latest spend"));
            body.AddRange(model.Spend.OrderByDescending(s => s.Date).Take(RecentSpend).Select(s => JsonCardElements.UserText(
                $"{ProjectFormat.Date(s.Date)}  {ProjectFormat.Money(s.Amount, money, entered: true)}{(s.Note is null ? "" : "  " + s.Note)}")));
        }

        return JsonCardElements.Card(body,
        [
            JsonCardElements.Execute("Set budget", CardVerbs.RunCommand, new JObject { ["command"] = "budget set" }),
            JsonCardElements.Execute("Record spend", CardVerbs.RunCommand, new JObject { ["command"] = "spend" }),
        ]);
    }
}

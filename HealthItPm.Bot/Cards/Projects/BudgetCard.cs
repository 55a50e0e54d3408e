using HealthItPm.Domain.Projects;
using HealthItPm.Bot.Cards.Elements;
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
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{model.Code} · Budget")),
            CardElements.Facts(
            [
                CardElements.Fact("Budget at completion", ev.BudgetAtCompletion == 0 ? "not set" : ProjectFormat.Money(ev.BudgetAtCompletion, money, entered: true)),
                CardElements.Fact("Planned value (PV)", ProjectFormat.Money(ev.PlannedValue, money)),
                CardElements.Fact("Earned value (EV)", ProjectFormat.Money(ev.EarnedValueAmount, money)),
                CardElements.Fact("Actual cost (AC)", ProjectFormat.Money(ev.ActualCost, money, entered: true)),
                CardElements.Fact("SPI = EV / PV", ProjectFormat.Index(ev.Spi)),
                CardElements.Fact("CPI = EV / AC", ProjectFormat.Index(ev.Cpi)),
                CardElements.Fact("EAC = BAC / CPI", ProjectFormat.MoneyForecast(ev.EstimateAtCompletion, money)),
                CardElements.Fact("EV method", ProjectElements.EarnedValueMethod(ev)),
            ]),
        };

        if (model.Spend.Count > 0)
        {
            body.Add(CardElements.Section(Markdown.Of($"Latest spend")));
            body.AddRange(model.Spend.OrderByDescending(s => s.Date).Take(RecentSpend).Select(s => CardElements.UserText(
                $"{ProjectFormat.Date(s.Date)}  {ProjectFormat.Money(s.Amount, money, entered: true)}{(s.Note is null ? "" : "  " + s.Note)}")));
        }

        return new AdaptiveCard(body, [CardElements.Command("Set budget", "budget set"), CardElements.Command("Record spend", "spend")]).ToJObject();
    }
}

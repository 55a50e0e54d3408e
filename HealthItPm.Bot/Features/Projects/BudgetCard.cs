using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>The budget card's figures; <paramref name="Money"/> is how the reader sees amounts (USD, en-US when not given).</summary>
public sealed record BudgetModel(
    string Code, string Name, EarnedValue EarnedValue, IReadOnlyList<SpendEntry> Spend, MoneyFormat? Money = null);

/// <summary><c>budget</c>: budget at completion, earned value and the latest spend.</summary>
public static class BudgetCard
{
    private const int RecentSpend = 5;

    private static TextResource Texts => ProjectTexts.Cards;

    public static JObject Build(BudgetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ev = model.EarnedValue;
        var money = model.Money ?? MoneyFormat.Default;
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Budget_Title", model.Code)),
            CardElements.Facts(
            [
                CardElements.Fact(
                    Texts["Budget_Bac"],
                    ev.BudgetAtCompletion == 0
                        ? CardTexts.Common["NotSet"]
                        : CardFormat.Money(ev.BudgetAtCompletion, money, entered: true)),
                CardElements.Fact(Texts["Budget_Pv"], CardFormat.Money(ev.PlannedValue, money)),
                CardElements.Fact(Texts["Budget_Ev"], CardFormat.Money(ev.EarnedValueAmount, money)),
                CardElements.Fact(Texts["Budget_Ac"], CardFormat.Money(ev.ActualCost, money, entered: true)),
                CardElements.Fact(Texts["Budget_Spi"], CardFormat.Index(ev.Spi)),
                CardElements.Fact(Texts["Budget_Cpi"], CardFormat.Index(ev.Cpi)),
                CardElements.Fact(Texts["Budget_Eac"], CardFormat.MoneyForecast(ev.EstimateAtCompletion, money)),
                CardElements.Fact(Texts["EvMethod"], ProjectElements.EarnedValueMethod(ev)),
            ]),
        };

        if (model.Spend.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Budget_LatestSpend")));
            body.AddRange(model.Spend.OrderByDescending(s => s.Date).Take(RecentSpend).Select(s => CardElements.UserText(
                Texts.Format(
                    s.Note is null ? "Budget_Spend" : "Budget_SpendNoted",
                    CardFormat.Date(s.Date),
                    CardFormat.Money(s.Amount, money, entered: true),
                    s.Note))));
        }

        return new AdaptiveCard(body,
        [
            CardElements.Command(Texts["Budget_SetButton"], "budget set"),
            CardElements.Command(Texts["Budget_SpendButton"], "spend"),
        ]).ToJObject();
    }
}

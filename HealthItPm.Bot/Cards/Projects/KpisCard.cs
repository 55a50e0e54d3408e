using HealthItPm.Domain.Projects;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

public sealed record KpisModel(string Code, string Name, IReadOnlyList<Kpi> Kpis);

/// <summary><c>kpis</c>: each outcome measure with its latest value against baseline and target.</summary>
public static class KpisCard
{
    public static JObject Build(KpisModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element> { CardElements.Heading(Markdown.Of($"{model.Code} · KPIs")) };
        if (model.Kpis.Count == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"No KPIs yet. Type **kpi add** to track an outcome such as no-show rate or report turnaround.")));
        }

        foreach (var kpi in model.Kpis)
        {
            body.Add(CardElements.Section(Markdown.Literal(kpi.Name)));
            body.Add(CardElements.Text(ProjectElements.KpiSummary(kpi), spacing: Spacing.None));
            body.Add(CardElements.Text(
                Markdown.Of($"{(kpi.Direction == KpiDirection.LowerIsBetter ? "Lower" : "Higher")} is better · {kpi.Measurements.Count} measurement{(kpi.Measurements.Count == 1 ? "" : "s")}"),
                subtle: true,
                spacing: Spacing.None));
        }

        return new AdaptiveCard(body, [CardElements.Command("Add KPI", "kpi add"), CardElements.Command("Record a value", "kpi record")]).ToJObject();
    }
}

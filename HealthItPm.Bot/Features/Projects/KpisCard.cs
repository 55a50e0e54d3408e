using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

public sealed record KpisModel(string Code, string Name, IReadOnlyList<Kpi> Kpis);

/// <summary><c>kpis</c>: each outcome measure with its latest value against baseline and target.</summary>
public static class KpisCard
{
    private static TextResource Texts => ProjectTexts.Cards;

    public static JObject Build(KpisModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element> { CardElements.Heading(Texts.Markdown("Kpis_Title", model.Code)) };
        if (model.Kpis.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Kpis_None")));
        }

        foreach (var kpi in model.Kpis)
        {
            body.Add(CardElements.Section(Markdown.Literal(kpi.Name)));
            body.Add(CardElements.Text(ProjectElements.KpiSummary(kpi), spacing: Spacing.None));
            body.Add(CardElements.Text(
                Texts.Markdown(
                    kpi.Measurements.Count == 1 ? "Kpis_Direction_One" : "Kpis_Direction_Other",
                    Texts[kpi.Direction == KpiDirection.LowerIsBetter ? "Kpis_LowerIsBetter" : "Kpis_HigherIsBetter"],
                    kpi.Measurements.Count),
                subtle: true,
                spacing: Spacing.None));
        }

        return new AdaptiveCard(body,
        [
            CardElements.Command(Texts["Kpis_AddButton"], "kpi add"),
            CardElements.Command(Texts["Kpis_RecordButton"], "kpi record"),
        ]).ToJObject();
    }
}

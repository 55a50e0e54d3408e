using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Projects;

public sealed record KpisModel(string Code, string Name, IReadOnlyList<Kpi> Kpis);

/// <summary><c>kpis</c>: each outcome measure with its latest value against baseline and target.</summary>
public static class KpisCard
{
    public static JObject Build(KpisModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject> { JsonCardElements.Heading($"{model.Code} · KPIs") };
        if (model.Kpis.Count == 0)
        {
            body.Add(JsonCardElements.Text("No KPIs yet. Type **kpi add** to track an outcome such as no-show rate or report turnaround."));
        }

        foreach (var kpi in model.Kpis)
        {
            body.Add(JsonCardElements.Section(CardElements.Escape(kpi.Name)));
            body.Add(JsonCardElements.Text(ProjectElements.KpiSummary(kpi), spacing: "None"));
            body.Add(JsonCardElements.Text(
                $"{(kpi.Direction == KpiDirection.LowerIsBetter ? "Lower" : "Higher")} is better · {kpi.Measurements.Count} measurement{(kpi.Measurements.Count == 1 ? "" : "s")}",
                subtle: true,
                spacing: "None"));
        }

        return JsonCardElements.Card(body,
        [
            JsonCardElements.Execute("Add KPI", CardVerbs.RunCommand, new JObject { ["command"] = "kpi add" }),
            JsonCardElements.Execute("Record a value", CardVerbs.RunCommand, new JObject { ["command"] = "kpi record" }),
        ]);
    }
}

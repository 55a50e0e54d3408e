using HealthItPm.Domain.Risks;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Risks;

/// <summary>A concern as the PMs receive it: who raised it and their words (shown literally); log it as a risk or dismiss it with a reason.</summary>
public static class ConcernCard
{
    public static JObject Build(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var body = Raised(concern, $"from {concern.ReporterName}");
        var data = new JObject { ["project"] = concern.Project.Value, ["concern"] = concern.Number };
        if (concern.State != ConcernState.Reported)
        {
            body.Add(new JObject
            {
                ["type"] = "TextBlock",
                ["color"] = "Good",
                ["wrap"] = true,
                ["text"] = concern.State == ConcernState.LoggedAsRisk ? $"✔ Logged as risk {concern.Risk}" : "✔ Dismissed",
            });
            if (concern.State == ConcernState.Dismissed)
            {
                body.Add(JsonCardElements.UserText(concern.DismissedBecause?.Value ?? string.Empty));
            }

            return JsonCardElements.Card(body);
        }

        body.Add(new JObject { ["type"] = "Input.Text", ["id"] = "reason", ["label"] = "To dismiss it, say why", ["isMultiline"] = true, ["maxLength"] = Risk.MaxTextLength });
        return JsonCardElements.Card(body,
        [
            JsonCardElements.Execute("Log as risk", CardVerbs.LogConcernAsRisk, data, primary: true),
            JsonCardElements.Execute("Dismiss", CardVerbs.DismissConcern, data),
        ]);
    }

    /// <summary>What the person who raised a concern hears once the PMs triaged it: the risk it became, or why it was dismissed.</summary>
    public static JObject ForReporter(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var body = Raised(concern, "you wrote");
        if (concern.State == ConcernState.LoggedAsRisk)
        {
            body.Add(new JObject { ["type"] = "TextBlock", ["color"] = "Good", ["wrap"] = true, ["text"] = $"✔ The project managers logged it as risk {concern.Risk}. Its card shows what is being done about it." });
            return JsonCardElements.Card(body, [JsonCardElements.Execute($"Open {concern.Risk}", CardVerbs.RunCommand, new JObject { ["command"] = $"risk {concern.Risk}" }, primary: true)]);
        }

        body.Add(JsonCardElements.Text("The project managers dismissed it, saying:", subtle: true));
        body.Add(JsonCardElements.UserText(concern.DismissedBecause?.Value ?? string.Empty));
        return JsonCardElements.Card(body);
    }

    private static List<JObject> Raised(Concern concern, string from) =>
    [
        JsonCardElements.Heading($"{concern.Project} concern #{concern.Number}"),
        JsonCardElements.Event(concern.At, from),
        JsonCardElements.UserText(concern.Text, italic: true),
    ];
}

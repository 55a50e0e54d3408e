using HealthItPm.Domain.Risks;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Risks;

/// <summary>A concern as the PMs receive it: who raised it and their words (shown literally); log it as a risk or dismiss it with a reason.</summary>
public static class ConcernCard
{
    public static JObject Build(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var body = Raised(concern, $"from {concern.ReporterName}");
        var data = CardElements.Data(("project", concern.Project.Value), ("concern", concern.Number));
        if (concern.State != ConcernState.Reported)
        {
            body.Add(new TextBlock(concern.State == ConcernState.LoggedAsRisk ? Markdown.Of($"✔ Logged as risk {concern.Risk}") : Markdown.Of($"✔ Dismissed")) { Color = TextColor.Good });
            if (concern.State == ConcernState.Dismissed)
            {
                body.Add(CardElements.UserText(concern.DismissedBecause?.Value ?? string.Empty));
            }

            return new AdaptiveCard(body).ToJObject();
        }

        body.Add(new TextInput("reason") { Label = "To dismiss it, say why", IsMultiline = true, MaxLength = Risk.MaxTextLength });
        return new AdaptiveCard(body,
        [
            CardElements.Execute("Log as risk", CardVerbs.LogConcernAsRisk, data, primary: true),
            CardElements.Execute("Dismiss", CardVerbs.DismissConcern, data),
        ]).ToJObject();
    }

    /// <summary>What the person who raised a concern hears once the PMs triaged it: the risk it became, or why it was dismissed.</summary>
    public static JObject ForReporter(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var body = Raised(concern, "you wrote");
        if (concern.State == ConcernState.LoggedAsRisk)
        {
            body.Add(new TextBlock(Markdown.Of($"✔ The project managers logged it as risk {concern.Risk}. Its card shows what is being done about it.")) { Color = TextColor.Good });
            return new AdaptiveCard(body, [CardElements.Command($"Open {concern.Risk}", $"risk {concern.Risk}", primary: true)]).ToJObject();
        }

        body.Add(CardElements.Text(Markdown.Of($"The project managers dismissed it, saying:"), subtle: true));
        body.Add(CardElements.UserText(concern.DismissedBecause?.Value ?? string.Empty));
        return new AdaptiveCard(body).ToJObject();
    }

    private static List<Element> Raised(Concern concern, string from) =>
    [
        CardElements.Heading(Markdown.Of($"{concern.Project} concern #{concern.Number}")),
        CardElements.Event(concern.At, from),
        CardElements.UserText(concern.Text, italic: true),
    ];
}

using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Risks;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// A concern as the PMs receive it: who raised it and their words
/// (shown literally); log it as a risk or dismiss it with a reason.
/// </summary>
public static class ConcernCard
{
    private static TextResource Texts => RiskTexts.Cards;

    /// <param name="concern">The concern as it stands.</param>
    /// <param name="canRemove">Whether the reader may remove patient details from it (the project's PMs, who get it; admins).</param>
    public static JObject Build(Concern concern, bool canRemove = true)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var body = Raised(concern, Texts.Format("Concern_From", concern.ReporterName));
        var data = CardElements.Data(("project", concern.Project.Value), ("concern", concern.Number));
        if (concern.State != ConcernState.Reported)
        {
            body.Add(new TextBlock(concern.State == ConcernState.LoggedAsRisk
                ? Texts.Markdown("Concern_Logged", concern.Risk?.ToString())
                : Texts.Markdown("Concern_Dismissed")) { Color = TextColor.Good });
            if (concern.State == ConcernState.Dismissed)
            {
                body.Add(CardElements.UserText(concern.DismissedBecause?.Value ?? string.Empty));
            }

            return new AdaptiveCard(body, canRemove && Removable(concern).Any() ? [RemovalButton(data)] : null).ToJObject();
        }

        body.Add(new TextInput("reason") { Label = Texts["Concern_DismissReason"], IsMultiline = true, MaxLength = Risk.MaxTextLength });
        return new AdaptiveCard(body,
        [
            CardElements.Execute(Texts["Concern_LogButton"], CardVerbs.LogConcernAsRisk, data, primary: true),
            CardElements.Execute(Texts["Concern_DismissButton"], CardVerbs.DismissConcern, data),
            .. canRemove && Removable(concern).Any() ? new[] { RemovalButton(data) } : [],
        ]).ToJObject();
    }

    /// <summary>The confirmation: a button for each of the concern's texts that still holds words, and Cancel.</summary>
    public static JObject ConfirmRemoval(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var common = CardTexts.Common;
        var title = Texts.Markdown("Concern_Title", concern.Project.Value, concern.Number);
        var body = new List<Element>
        {
            CardElements.Heading(common.Markdown("Removal_Title", title)),
            CardElements.Text(common.Markdown("Removal_Explain")),
        };
        var actions = new List<CardAction>();
        foreach (var field in Removable(concern))
        {
            actions.Add(CardElements.Execute(
                common.Format("Removal_From", common[$"Field_{field}"]),
                CardVerbs.RemoveFromConcern,
                CardElements.Data(("project", concern.Project.Value), ("concern", concern.Number), ("field", field.ToString()))));
        }

        actions.Add(CardElements.Execute(
            common["Removal_Cancel"],
            CardVerbs.ViewConcern,
            CardElements.Data(("project", concern.Project.Value), ("concern", concern.Number))));
        return new AdaptiveCard(body, actions).ToJObject();
    }

    private static IEnumerable<RemovableText> Removable(Concern concern)
    {
        if (!RemovedText.IsRemoved(concern.Text))
        {
            yield return RemovableText.Concern;
        }

        if (concern.DismissedBecause is { } reason && !RemovedText.IsRemoved(reason))
        {
            yield return RemovableText.ConcernDismissReason;
        }
    }

    private static ExecuteAction RemovalButton(IReadOnlyDictionary<string, object> data) =>
        CardElements.Execute(CardTexts.Common["Removal_Button"], CardVerbs.AskRemoveFromConcern, data);

    /// <summary>What the person who raised a concern hears once the PMs triaged it: the risk it became, or why it was dismissed.</summary>
    public static JObject ForReporter(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var body = Raised(concern, Texts["Concern_YouWrote"]);
        if (concern.State == ConcernState.LoggedAsRisk)
        {
            body.Add(new TextBlock(Texts.Markdown("Concern_LoggedForReporter", concern.Risk?.ToString())) { Color = TextColor.Good });
            return new AdaptiveCard(body,
            [
                CardElements.Command(Texts.Format("Concern_OpenButton", concern.Risk), $"risk {concern.Risk}", primary: true),
            ]).ToJObject();
        }

        body.Add(CardElements.Text(Texts.Markdown("Concern_DismissedForReporter"), subtle: true));
        body.Add(CardElements.UserText(concern.DismissedBecause?.Value ?? string.Empty));
        return new AdaptiveCard(body).ToJObject();
    }

    private static List<Element> Raised(Concern concern, string from) =>
    [
        CardElements.Heading(Texts.Markdown("Concern_Title", concern.Project.Value, concern.Number)),
        CardElements.Event(concern.At, from),
        CardElements.UserText(concern.Text, italic: true),
    ];
}

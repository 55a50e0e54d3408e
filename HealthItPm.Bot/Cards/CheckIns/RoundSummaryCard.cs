using System.Globalization;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.CheckIns;

public sealed record RoundSummaryModel(string ProjectCode, string ProjectName, RoundSummary Summary);

/// <summary>The PM's view of a round: response, status distribution (with a chart), impact, blockers, training, reach, trend.</summary>
public static class RoundSummaryCard
{
    public static JObject Build(RoundSummaryModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Summary;
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{model.ProjectCode} check-in {(s.Open ? "so far" : "results")}")),
            CardElements.Text(Markdown.Of($"{model.ProjectName} · opened {CheckInFormat.Day(s.OpenedAt)}{(s.Open ? " · still open" : " · closed")}"), subtle: true, spacing: Spacing.None),
            CardElements.Facts(
            [
                ("Responses", $"{s.AnsweredCount} of {s.AudienceCount} ({CheckInFormat.Percent(s.ResponseRate)})"),
                ("Cards delivered", Delivered(s)),
                ("On track", s.Distribution[CheckInStatus.OnTrack].ToString(CultureInfo.InvariantCulture)),
                ("Some concerns", s.Distribution[CheckInStatus.SomeConcerns].ToString(CultureInfo.InvariantCulture)),
                ("Blocked", s.Distribution[CheckInStatus.Blocked].ToString(CultureInfo.InvariantCulture)),
                ("Average impact", s.AverageImpact is { } impact ? impact.ToString("0.0", CultureInfo.InvariantCulture) + " of 5" : s.AnsweredCount == 0 ? "no answers yet" : "none given"),
                ("Training requests", s.TrainingRequests.Count.ToString(CultureInfo.InvariantCulture)),
            ]),
        };

        if (s.Blockers.Count > 0)
        {
            body.Add(CardElements.Section(Markdown.Of($"Blockers")));
            // Verbatim, as typed: never interpreted as markdown.
            body.AddRange(s.Blockers.Take(MaxBlockers).Select(b => CardElements.UserText(b.Who is null ? b.Text : $"{b.Who}: {b.Text}")));
            if (s.Blockers.Count > MaxBlockers)
            {
                body.Add(CardElements.Text(Markdown.Of($"… and {s.Blockers.Count - MaxBlockers} more blockers, not shown: a card has a size limit in Teams."), subtle: true));
            }
        }

        var named = s.TrainingRequests.Where(n => n is not null).ToList();
        if (named.Count > 0)
        {
            body.Add(CardElements.UserText("Training requested by " + Listed(named)));
        }

        if (s.Delivery.Unreachable.Count > 0)
        {
            body.Add(CardElements.Section(Markdown.Of($"Could not reach")));
            body.Add(CardElements.UserText(Listed(s.Delivery.Unreachable) + " — they have not installed HealthItPm, or removed it."));
        }

        if (s.Delivery.NotDelivered.Count > 0)
        {
            body.Add(CardElements.Section(Markdown.Of($"Not delivered")));
            body.Add(CardElements.UserText(Listed(s.Delivery.NotDelivered) + " — Teams kept refusing or failing; reach them another way."));
        }

        if (s.Trend.Count > 1)
        {
            body.Add(CardElements.Section(Markdown.Of($"Trend")));
            body.Add(CardElements.Facts(s.Trend.Select(t => (CheckInFormat.Day(t.OpenedAt), $"{CheckInFormat.Percent(t.ResponseRate)} answered · {CheckInFormat.Percent(t.BlockedShare)} blocked · impact {(t.AverageImpact is { } a ? a.ToString("0.0", CultureInfo.InvariantCulture) : "–")}"))));
        }

        return new AdaptiveCard(body).ToJObject();
    }

    // A go-live round can reach hundreds of people; the card must stay small enough for Teams to deliver.
    private const int MaxBlockers = 25;
    private const int MaxNames = 60;

    private static string Delivered(RoundSummary s)
    {
        var d = s.Delivery;
        var parts = new List<string> { $"{d.Sent} of {s.AudienceCount}" };
        if (d.Pending > 0)
        {
            parts.Add($"{d.Pending} on the way");
        }

        if (d.Unreachable.Count > 0)
        {
            parts.Add($"{d.Unreachable.Count} unreachable");
        }

        if (d.NotDelivered.Count > 0)
        {
            parts.Add($"{d.NotDelivered.Count} not delivered");
        }

        return string.Join(" · ", parts);
    }

    private static string Listed(IEnumerable<string?> names)
    {
        var all = names.OfType<string>().ToList();
        return all.Count <= MaxNames ? string.Join(", ", all) : string.Join(", ", all.Take(MaxNames)) + $" and {all.Count - MaxNames} more";
    }
}

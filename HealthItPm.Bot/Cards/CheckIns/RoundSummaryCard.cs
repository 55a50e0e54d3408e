using System.Globalization;
using HealthItPm.Domain.CheckIns;
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
        var body = new List<JObject>
        {
            CardElements.Heading($"{model.ProjectCode} check-in {(s.Open ? "so far" : "results")}"),
            CardElements.Text($"{CardElements.Escape(model.ProjectName)} · round {s.RoundId}{(s.Open ? " · still open" : " · closed")}", subtle: true, spacing: "None"),
            CardElements.Facts(
            [
                ("Responses", $"{s.AnsweredCount} of {s.AudienceCount} ({CheckInFormat.Percent(s.ResponseRate)})"),
                ("On track", s.Distribution[CheckInStatus.OnTrack].ToString(CultureInfo.InvariantCulture)),
                ("Some concerns", s.Distribution[CheckInStatus.SomeConcerns].ToString(CultureInfo.InvariantCulture)),
                ("Blocked", s.Distribution[CheckInStatus.Blocked].ToString(CultureInfo.InvariantCulture)),
                ("Average impact", s.AverageImpact is { } impact ? impact.ToString("0.0", CultureInfo.InvariantCulture) + " of 5" : "no answers yet"),
                ("Training requests", s.TrainingRequests.Count.ToString(CultureInfo.InvariantCulture)),
            ]),
        };

        if (s.Blockers.Count > 0)
        {
            body.Add(CardElements.Section("Blockers"));
            // Verbatim, as typed: never interpreted as markdown.
            body.AddRange(s.Blockers.Select(b => CardElements.UserText(b.Who is null ? b.Text : $"{b.Who}: {b.Text}")));
        }

        var named = s.TrainingRequests.Where(n => n is not null).ToList();
        if (named.Count > 0)
        {
            body.Add(CardElements.UserText("Training requested by " + string.Join(", ", named)));
        }

        if (s.Unreachable.Count > 0)
        {
            body.Add(CardElements.Section("Could not reach"));
            body.Add(CardElements.UserText(string.Join(", ", s.Unreachable) + " — they have not installed HealthItPm, or removed it."));
        }

        if (s.Trend.Count > 1)
        {
            body.Add(CardElements.Section("Trend"));
            body.Add(CardElements.Facts(s.Trend.Select(t => (t.RoundId, $"{CheckInFormat.Percent(t.ResponseRate)} answered · {CheckInFormat.Percent(t.BlockedShare)} blocked · impact {(t.AverageImpact is { } a ? a.ToString("0.0", CultureInfo.InvariantCulture) : "–")}"))));
        }

        return AdaptiveCard.Create(body);
    }
}

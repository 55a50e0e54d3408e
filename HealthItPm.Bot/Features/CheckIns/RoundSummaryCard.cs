using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>A round's summary for the PMs; <paramref name="TimeZone"/> is the project's, in which the card words its days.</summary>
public sealed record RoundSummaryModel(string ProjectCode, string ProjectName, RoundSummary Summary, string? TimeZone)
{
    public RoundSummaryModel(string projectCode, ProjectHeading project, RoundSummary summary)
        : this(projectCode, project?.Name ?? throw new ArgumentNullException(nameof(project)), summary, project.TimeZone)
    {
    }

    /// <summary>Whether the reader may remove patient details from the blockers (the project's PMs, admins).</summary>
    public bool CanRemovePatientDetails { get; init; }
}

/// <summary>The PM's view of a round: response, status distribution (with a chart), impact, blockers, training, reach, trend.</summary>
public static class RoundSummaryCard
{
    private static TextResource Texts => CheckInTexts.Cards;

    public static JObject Build(RoundSummaryModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Summary;
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown(s.Open ? "Summary_Title_SoFar" : "Summary_Title", model.ProjectCode)),
            CardElements.Text(
                Texts.Markdown(
                    s.Open ? "Summary_Line_Open" : "Summary_Line_Closed",
                    model.ProjectName,
                    CardFormat.RoundDay(s.OpenedAt, model.TimeZone)),
                subtle: true,
                spacing: Spacing.None),
            CardElements.Facts(
            [
                (CardTexts.Common["Responses"],
                    CardTexts.Common.Format("ResponsesValue", s.AnsweredCount, s.AudienceCount, CheckInFormat.Percent(s.ResponseRate))),
                (Texts["Summary_Delivered"], Delivered(s)),
                .. s.Withheld is null ? Figures(s) : [],
            ]),
        };
        if (s.Withheld is { } withheld)
        {
            body.Add(CardElements.Text(Texts.Markdown($"Summary_Withheld_{withheld}", AnswerGroups.MinimumSize)));
        }

        if (s.Blockers.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Summary_Blockers")));
            // Verbatim, as typed: never interpreted as markdown.
            body.AddRange(s.Blockers.Take(MaxBlockers)
                .Select(b => CardElements.UserText(b.Who is null ? b.Text : Texts.Format("Summary_Blocker", b.Who, b.Text))));
            if (s.Blockers.Count > MaxBlockers)
            {
                body.Add(CardElements.Text(Texts.Markdown("Summary_MoreBlockers", s.Blockers.Count - MaxBlockers), subtle: true));
            }
        }

        var named = s.TrainingRequests.Where(n => n is not null).ToList();
        if (named.Count > 0)
        {
            body.Add(CardElements.UserText(Texts.Format("Summary_TrainingBy", Listed(named))));
        }

        if (s.Delivery.Unreachable.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Summary_Unreachable")));
            body.Add(CardElements.UserText(Texts.Format("Summary_Unreachable_Who", Listed(s.Delivery.Unreachable))));
        }

        if (s.Delivery.NotDelivered.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Summary_NotDelivered")));
            body.Add(CardElements.UserText(Texts.Format("Summary_NotDelivered_Who", Listed(s.Delivery.NotDelivered))));
        }

        if (s.Trend.Count > 1)
        {
            body.Add(CardElements.Section(Texts.Markdown("Summary_Trend")));
            var days = CardFormat.RoundDays([.. s.Trend.Select(t => t.OpenedAt)], model.TimeZone);
            body.Add(CardElements.Facts(s.Trend.Select((t, i) => (days[i], Texts.Format(
                "Summary_TrendRound",
                CheckInFormat.Percent(t.ResponseRate),
                t.BlockedShare is { } blocked ? CheckInFormat.Percent(blocked) : "–",
                t.AverageImpact is { } a ? CheckInFormat.Average(a) : "–")))));
        }

        // Patient details that got through the guard in a blocker: the PM removes them from here (a confirmation first).
        var actions = model.CanRemovePatientDetails && s.Blockers.Any(b => !RemovedText.IsRemoved(b.Text))
            ? new[] { RoundRemovalCard.Button(CheckInRounds.Kind, model.ProjectCode, s.RoundId) }
            : null;
        return new AdaptiveCard(body, actions).ToJObject();
    }

    // A go-live round can reach hundreds of people; the card must stay small enough for Teams to deliver.
    private const int MaxBlockers = 25;

    // How the answers went, beside the responses: never for an anonymous round whose figures are withheld.
    private static (string, string)[] Figures(RoundSummary s) =>
    [
        .. Enum.GetValues<CheckInStatus>()
            .Select(status => (CheckInFormat.Status(status), s.Distribution[status].ToString(CultureInfo.CurrentCulture))),
        (Texts["Summary_AverageImpact"], AverageImpact(s)),
        (Texts["Summary_Training"], s.TrainingRequests.Count.ToString(CultureInfo.CurrentCulture)),
    ];
    private const int MaxNames = 60;

    // An average only of those who rated the impact; none answered yet, or none rated it, is said as such.
    private static string AverageImpact(RoundSummary s) => s.AverageImpact switch
    {
        { } impact => CardTexts.Common.Format("OutOfFive", CheckInFormat.Average(impact)),
        null when s.AnsweredCount == 0 => CardTexts.Common["NoAnswersYet"],
        null => Texts["Summary_NoImpact"],
    };

    private static string Delivered(RoundSummary s)
    {
        var d = s.Delivery;
        var parts = new List<string> { Texts.Format("OutOf", d.Sent, s.AudienceCount) };
        if (d.Pending > 0)
        {
            parts.Add(Texts.Format("Summary_Pending", d.Pending));
        }

        if (d.Unreachable.Count > 0)
        {
            parts.Add(Texts.Format("Summary_UnreachableCount", d.Unreachable.Count));
        }

        if (d.NotDelivered.Count > 0)
        {
            parts.Add(Texts.Format("Summary_NotDeliveredCount", d.NotDelivered.Count));
        }

        return string.Join(" · ", parts);
    }

    private static string Listed(IEnumerable<string?> names)
    {
        var all = names.OfType<string>().ToList();
        var shown = string.Join(CardTexts.Common["Separator"], all.Take(MaxNames));
        return all.Count <= MaxNames ? shown : Texts.Format("Summary_AndMore", shown, all.Count - MaxNames);
    }
}

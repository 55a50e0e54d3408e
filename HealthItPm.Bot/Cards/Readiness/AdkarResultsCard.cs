using System.Globalization;
using HealthItPm.Bot.Cards.CheckIns;
using HealthItPm.Domain.Readiness;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Readiness;

public sealed record AdkarResultsModel(string ProjectCode, string ProjectName, AdkarResults Results);

/// <summary>
/// A wave's results for the PMs: response rate, element means (a chart, with the same in text),
/// medians and distributions, where people stop (barrier points), group profiles of at least five
/// people, the change since the previous wave, and what to do about the dominant barrier. Aggregates
/// only: never an individual answer.
/// </summary>
public static class AdkarResultsCard
{
    // A go-live wave can span a hundred departments; the card must stay small enough for Teams.
    private const int MaxGroupsShown = 15;

    public static JObject Build(AdkarResultsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var r = model.Results;
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{model.ProjectCode} readiness {(r.Open ? "so far" : "results")}: {r.WaveName ?? r.WaveId}")),
            CardElements.Text(
                Markdown.Of($"{model.ProjectName} · opened {CheckInFormat.Day(r.OpenedAt)} · {(r.Open ? Markdown.Of($"open until {Markdown.When(r.ClosesAt)}") : Markdown.Of($"closed"))}{(r.Anonymous ? " · anonymous" : "")}"),
                subtle: true,
                spacing: Spacing.None),
            CardElements.Facts(
            [
                ("Responses", $"{r.AnsweredCount} of {r.AudienceCount} ({AdkarFormat.Percent(r.ResponseRate)})"),
                ("No barrier", r.AnsweredCount == 0 ? "no answers yet" : $"{r.WithoutBarrier} ({AdkarFormat.Percent(r.WithoutBarrierShare)}) scored every element 4 or 5"),
                ("Dominant barrier", r.DominantBarrier is { } d ? $"{AdkarFormat.Element(d)} ({AdkarFormat.Percent(r.BarrierShare(d))} stop here)" : "none"),
            ]),
        };

        if (r.AnsweredCount == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"Nobody has answered yet, so there is nothing to show."), subtle: true));
            return new AdaptiveCard(body).ToJObject();
        }

        body.Add(CardElements.Section(Markdown.Of($"Element scores (mean of 1–5)")));
        body.Add(new VerticalBarChart(
            "Mean score per ADKAR element",
            [.. r.Elements.Select(e => new BarPoint(AdkarFormat.Element(e.Element), e.Mean))],
            CardElements.Text(Markdown.Literal("Mean scores: " + string.Join(", ", r.Elements.Select(e => $"{AdkarFormat.Element(e.Element)} {AdkarFormat.Score(e.Mean)}")) + "."))));
        body.Add(CardElements.Facts(r.Elements.Select(e => (
            AdkarFormat.Element(e.Element),
            $"mean {AdkarFormat.Score(e.Mean)} · median {e.Median.ToString("0.#", CultureInfo.InvariantCulture)} · 1–5: {string.Join(" / ", e.Distribution)}"))));

        body.Add(CardElements.Section(Markdown.Of($"Where people stop (barrier point: first element scored 3 or lower)")));
        body.Add(CardElements.Facts([
            .. AdkarAnswer.Elements.Select(e => (AdkarFormat.Element(e), $"{r.BarrierPoints[e]} ({AdkarFormat.Percent(r.BarrierShare(e))})")),
            ("No barrier", $"{r.WithoutBarrier} ({AdkarFormat.Percent(r.WithoutBarrierShare)})"),
        ]));

        Groups(body, "By department", r.ByDepartment);
        Groups(body, "By discipline", r.ByDiscipline);

        if (r.Change is { } change)
        {
            body.Add(CardElements.Section(Markdown.Of($"Since {change.PreviousWave ?? "the previous wave"}")));
            body.Add(CardElements.Facts([
                .. AdkarAnswer.Elements.Select(e => (
                    AdkarFormat.Element(e),
                    $"mean {AdkarFormat.Change(change.MeanDeltas[(int)e], AdkarFormat.Score)} · stopping here {AdkarFormat.Change(change.BarrierShareDeltas[e] * 100, v => v.ToString("0", CultureInfo.InvariantCulture))} pts")),
                ("No barrier", $"{AdkarFormat.Change(change.WithoutBarrierShareDelta * 100, v => v.ToString("0", CultureInfo.InvariantCulture))} pts"),
            ]));
        }

        if (r.DominantBarrier is { } dominant)
        {
            body.Add(CardElements.Section(Markdown.Of($"What to do about {AdkarFormat.Element(dominant)}")));
            body.AddRange(r.Interventions.Select(i => CardElements.Text(Markdown.Of($"- {AdkarFormat.Intervention(i)}"), spacing: Spacing.None)));
        }

        return new AdaptiveCard(body).ToJObject();
    }

    private static void Groups(List<Element> body, string title, GroupBreakdown groups)
    {
        body.Add(CardElements.Section(Markdown.Of($"{title}")));
        if (groups.Shown.Count == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"No group has {AdkarResults.MinimumGroupSize} or more answers yet, so none is shown."), subtle: true));
            return;
        }

        body.Add(CardElements.Facts(groups.Shown.Take(MaxGroupsShown).Select(g => (
            $"{(g.Group == GroupProfile.Other ? $"Other ({g.MergedGroups} smaller groups)" : g.Group)} · {g.Respondents}",
            string.Join(" · ", AdkarAnswer.Elements.Select(e => $"{AdkarFormat.Letter(e)} {AdkarFormat.Score(g.Means[(int)e])}"))
                + $" · no barrier {AdkarFormat.Percent((decimal)g.WithoutBarrier / g.Respondents)}"
                + (AdkarResults.Dominant(g.BarrierPoints) is { } d ? $" · mostly {AdkarFormat.Element(d)}" : "")))));
        var notes = new List<string>();
        if (groups.Shown.Count > MaxGroupsShown)
        {
            notes.Add($"{groups.Shown.Count - MaxGroupsShown} more groups not listed (card size)");
        }

        if (groups.AnythingMerged)
        {
            notes.Add(groups.HiddenRespondents > 0
                ? $"{groups.SmallGroupsMerged} group{(groups.SmallGroupsMerged == 1 ? "" : "s")} under {AdkarResults.MinimumGroupSize} people not shown ({groups.HiddenRespondents} answers; together still under {AdkarResults.MinimumGroupSize})"
                : $"groups under {AdkarResults.MinimumGroupSize} people are merged into Other");
        }

        if (notes.Count > 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"To protect people, {string.Join("; ", notes)}."), subtle: true));
        }
    }
}

public sealed record AdkarWavesModel(string ProjectCode, string ProjectName, IReadOnlyList<AdkarResults> Waves);

/// <summary>The project's waves, newest first: name, when, open or closed, responses and dominant barrier.</summary>
public static class AdkarWavesCard
{
    public static JObject Build(AdkarWavesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{model.ProjectCode} readiness waves")),
            CardElements.Text(Markdown.Literal(model.ProjectName), subtle: true, spacing: Spacing.None),
        };
        if (model.Waves.Count == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"No wave yet. Type **adkar start** to launch one.")));
            return new AdaptiveCard(body).ToJObject();
        }

        body.Add(CardElements.Facts(model.Waves.Select(w => (
            w.WaveName ?? w.WaveId,
            $"{CheckInFormat.Day(w.OpenedAt)} · {(w.Open ? "open" : "closed")} · {w.AnsweredCount} of {w.AudienceCount} answered"
                + (w.DominantBarrier is { } d ? $" · dominant barrier {AdkarFormat.Element(d)}" : "")))));
        body.Add(CardElements.Text(Markdown.Of($"Type **adkar results** and a wave's name to see its results."), subtle: true));
        return new AdaptiveCard(body).ToJObject();
    }
}

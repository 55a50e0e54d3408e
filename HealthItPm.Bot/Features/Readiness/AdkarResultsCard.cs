using System.Globalization;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>A wave's results for the PMs; <paramref name="TimeZone"/> is the project's, in which the card words its days.</summary>
public sealed record AdkarResultsModel(string ProjectCode, string ProjectName, AdkarResults Results, string? TimeZone)
{
    public AdkarResultsModel(string projectCode, ProjectHeading project, AdkarResults results)
        : this(projectCode, project?.Name ?? throw new ArgumentNullException(nameof(project)), results, project.TimeZone)
    {
    }

    /// <summary>Whether the reader may remove patient details from the wave's comments (the project's PMs, admins).</summary>
    public bool CanRemovePatientDetails { get; init; }
}

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

    private static TextResource Texts => ReadinessTexts.Cards;

    public static JObject Build(AdkarResultsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var r = model.Results;
        var body = new List<Element>
        {
            CardElements.Heading(
                Texts.Markdown(r.Open ? "Results_Title_SoFar" : "Results_Title", model.ProjectCode, r.WaveName ?? r.WaveId)),
            CardElements.Text(
                Texts.Markdown(
                    r.Anonymous ? "Results_Line_Anonymous" : "Results_Line",
                    model.ProjectName,
                    CardFormat.RoundDay(r.OpenedAt, model.TimeZone),
                    r.Open ? Texts.Markdown("Results_OpenUntil", Markdown.When(r.ClosesAt)) : Texts.Markdown("Closed")),
                subtle: true,
                spacing: Spacing.None),
            CardElements.Facts(
            [
                (CardTexts.Common["Responses"],
                    CardTexts.Common.Format("ResponsesValue", r.AnsweredCount, r.AudienceCount, AdkarFormat.Percent(r.ResponseRate))),
                .. r.Withheld is null ? Figures(r) : [],
            ]),
        };

        if (r.Withheld is { } withheld)
        {
            body.Add(CardElements.Text(Texts.Markdown($"Results_Withheld_{withheld}", AdkarResults.MinimumGroupSize)));
            return new AdaptiveCard(body, Removal(model)).ToJObject();
        }

        if (r.AnsweredCount == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Results_Nobody"), subtle: true));
            return new AdaptiveCard(body, Removal(model)).ToJObject();
        }

        body.Add(CardElements.Section(Texts.Markdown("Results_Scores")));
        body.Add(new VerticalBarChart(
            Texts["Results_Chart"],
            [.. r.Elements.Select(e => new BarPoint(AdkarFormat.Element(e.Element), e.Mean))],
            CardElements.Text(Markdown.Literal(Texts.Format(
                "Results_ChartText",
                string.Join(
                    CardTexts.Common["Separator"],
                    r.Elements.Select(e =>
                        Texts.Format("Results_ChartScore", AdkarFormat.Element(e.Element), AdkarFormat.Score(e.Mean)))))))));
        body.Add(CardElements.Facts(r.Elements.Select(e => (
            AdkarFormat.Element(e.Element),
            Texts.Format(
                "Results_Element",
                AdkarFormat.Score(e.Mean),
                e.Median,
                string.Join(" / ", e.Distribution.Select(n => n.ToString(CultureInfo.CurrentCulture))))))));

        body.Add(CardElements.Section(Texts.Markdown("Results_WherePeopleStop")));
        body.Add(CardElements.Facts([
            .. AdkarAnswer.Elements.Select(e => (
                AdkarFormat.Element(e),
                Texts.Format("Results_CountShare", r.BarrierPoints[e], AdkarFormat.Percent(r.BarrierShare(e))))),
            (CardTexts.Common["NoBarrier"],
                Texts.Format("Results_CountShare", r.WithoutBarrier, AdkarFormat.Percent(r.WithoutBarrierShare))),
        ]));

        Groups(body, Texts["Results_ByDepartment"], r.ByDepartment);
        Groups(body, Texts["Results_ByDiscipline"], r.ByDiscipline);

        if (r.Change is { } change)
        {
            body.Add(CardElements.Section(change.PreviousWave is { } previous
                ? Texts.Markdown("Results_Since", previous)
                : Texts.Markdown("Results_SincePrevious")));
            body.Add(CardElements.Facts([
                .. AdkarAnswer.Elements.Select(e => (
                    AdkarFormat.Element(e),
                    Texts.Format(
                        "Results_ElementChange",
                        AdkarFormat.Change(change.MeanDeltas[(int)e], AdkarFormat.Score),
                        AdkarFormat.Change(change.BarrierShareDeltas[e] * 100, AdkarFormat.Points)))),
                (CardTexts.Common["NoBarrier"],
                    Texts.Format("Results_Points", AdkarFormat.Change(change.WithoutBarrierShareDelta * 100, AdkarFormat.Points))),
            ]));
        }

        if (r.DominantBarrier is { } dominant)
        {
            body.Add(CardElements.Section(Texts.Markdown("Results_WhatToDo", AdkarFormat.Element(dominant))));
            body.AddRange(r.Interventions
                .Select(i => CardElements.Text(Markdown.Of($"- {AdkarFormat.Intervention(i)}"), spacing: Spacing.None)));
        }

        return new AdaptiveCard(body, Removal(model)).ToJObject();
    }

    // The comments are never on the card; a wave whose figures are shown offers their removal, the words on the confirmation.
    private static CardAction[]? Removal(AdkarResultsModel model) =>
        model.CanRemovePatientDetails && model.Results is { Withheld: null, AnsweredCount: > 0 } r
            ? [RoundRemovalCard.Button(AdkarRounds.Kind, model.ProjectCode, r.WaveId)]
            : null;

    // What the wave adds up to, beside its responses: never for an anonymous wave whose figures are withheld.
    private static (string, string)[] Figures(AdkarResults r) =>
    [
        (CardTexts.Common["NoBarrier"], r.AnsweredCount == 0
            ? CardTexts.Common["NoAnswersYet"]
            : Texts.Format("Results_NoBarrier_Value", r.WithoutBarrier, AdkarFormat.Percent(r.WithoutBarrierShare))),
        (CardTexts.Common["DominantBarrier"], r.DominantBarrier is { } d
            ? Texts.Format("Results_DominantBarrier_Value", AdkarFormat.Element(d), AdkarFormat.Percent(r.BarrierShare(d)))
            : CardTexts.Common["None"]),
    ];

    private static void Groups(List<Element> body, string title, GroupBreakdown groups)
    {
        body.Add(CardElements.Section(Markdown.Literal(title)));
        if (groups.Withheld)
        {
            body.Add(CardElements.Text(Texts.Markdown("Results_OneGrouping"), subtle: true));
            return;
        }

        if (groups.Shown.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Results_NoGroup", AdkarResults.MinimumGroupSize), subtle: true));
            return;
        }

        body.Add(CardElements.Facts(groups.Shown.Take(MaxGroupsShown).Select(g => (
            Texts.Format("Results_Group", GroupName(g), g.Respondents),
            Profile(g)))));
        var notes = new List<string>();
        if (groups.Shown.Count > MaxGroupsShown)
        {
            notes.Add(Texts.Format("Results_MoreGroups", groups.Shown.Count - MaxGroupsShown));
        }

        if (groups.AnythingMerged)
        {
            notes.Add(groups.HiddenRespondents > 0
                ? Texts.Format(
                    groups.SmallGroupsMerged == 1 ? "Results_SmallGroupsHidden_One" : "Results_SmallGroupsHidden_Other",
                    groups.SmallGroupsMerged,
                    AdkarResults.MinimumGroupSize,
                    groups.HiddenRespondents)
                : Texts.Format("Results_SmallGroupsMerged", AdkarResults.MinimumGroupSize));
        }

        if (notes.Count > 0)
        {
            body.Add(CardElements.Text(
                Texts.Markdown("Results_ToProtect", string.Join(CardTexts.Common["ListSeparator"], notes)), subtle: true));
        }
    }

    // A group's means by element (a letter each), its share without a barrier and where most of it stops.
    private static string Profile(GroupProfile g)
    {
        var means = string.Join(" · ", AdkarAnswer.Elements.Select(e =>
            Texts.Format("Results_ChartScore", AdkarFormat.Letter(e), AdkarFormat.Score(g.Means[(int)e]))));
        var profile = Texts.Format("Results_GroupProfile", means, AdkarFormat.Percent((decimal)g.WithoutBarrier / g.Respondents));
        return AdkarResults.Dominant(g.BarrierPoints) is { } d
            ? Texts.Format("Results_GroupMostly", profile, AdkarFormat.Element(d))
            : profile;
    }

    private static string GroupName(GroupProfile group) => group.Group switch
    {
        GroupProfile.Other when group.MergedGroups == 0 => Texts["Results_OtherSealed"],
        GroupProfile.Other => Texts.Format("Results_Other", group.MergedGroups),
        null => Texts["Results_NoDepartment"],
        var name => name,
    };
}

/// <summary>A project's waves; <paramref name="TimeZone"/> is the project's, in which the card words its days.</summary>
public sealed record AdkarWavesModel(string ProjectCode, string ProjectName, IReadOnlyList<AdkarResults> Waves, string? TimeZone)
{
    public AdkarWavesModel(string projectCode, ProjectHeading project, IReadOnlyList<AdkarResults> waves)
        : this(projectCode, project?.Name ?? throw new ArgumentNullException(nameof(project)), waves, project.TimeZone)
    {
    }
}

/// <summary>The project's waves, newest first: name, when, open or closed, responses and dominant barrier.</summary>
public static class AdkarWavesCard
{
    private static TextResource Texts => ReadinessTexts.Cards;

    public static JObject Build(AdkarWavesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Waves_Title", model.ProjectCode)),
            CardElements.Text(Markdown.Literal(model.ProjectName), subtle: true, spacing: Spacing.None),
        };
        if (model.Waves.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Waves_None")));
            return new AdaptiveCard(body).ToJObject();
        }

        body.Add(CardElements.Facts(model.Waves.Select(w => (
            w.WaveName ?? w.WaveId,
            w.DominantBarrier is { } d
                ? Texts.Format("Waves_WaveBarrier", Wave(w, model.TimeZone), AdkarFormat.Element(d))
                : Wave(w, model.TimeZone)))));
        body.Add(CardElements.Text(Texts.Markdown("Waves_HowToSee"), subtle: true));
        return new AdaptiveCard(body).ToJObject();
    }

    private static string Wave(AdkarResults w, string? timeZone) =>
        Texts.Format(
            w.Open ? "Waves_Wave_Open" : "Waves_Wave_Closed", CardFormat.RoundDay(w.OpenedAt, timeZone), w.AnsweredCount, w.AudienceCount);
}

using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// The scorecard as shown to a person: <paramref name="CanManage"/> adds the PM's buttons; <paramref name="LastDecision"/> is
/// the panel's latest go/no-go decision, when a vote has closed; <paramref name="OpenVote"/> the vote open now, if any.
/// </summary>
public sealed record ScorecardModel(
    Project Project, Scorecard Scorecard, bool CanManage, LastDecision? LastDecision = null, VoteInProgress? OpenVote = null);

/// <summary>
/// A vote open now as the scorecard shows it: when it closes and how many of the panel voted (never what);
/// <paramref name="OnPanel"/> when the reader sits on the panel, who gets the way back to their vote.
/// </summary>
public sealed record VoteInProgress(string RoundId, DateTimeOffset ClosesAt, int Voted, int Panel, bool OnPanel);

/// <summary>The panel's latest decision as the scorecard shows it: what, when its vote closed.</summary>
public sealed record LastDecision(VoteChoice Choice, DateTimeOffset ClosedAt);

/// <summary>
/// <c>golive status</c>: the go/no-go date and days to go, the recommendation with its conditions or blockers,
/// each criterion (state, must/should, owner, figure against threshold or the owner's evidence), the open
/// critical items and the trend across checkpoints. One text block per criterion, so 60 criteria stay
/// well under 28 KB and read on a phone.
/// </summary>
public static class ScorecardCard
{
    // The evidence shown on the scorecard is cut here: the card has room for 60 criteria, not 60 essays.
    private const int EvidenceShown = 90;

    private static TextResource Texts => GoLiveTexts.Cards;

    public static JObject Build(ScorecardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Scorecard;
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Scorecard_Title", model.Project.Code.Value, model.Project.Name.Value)),
            CardElements.Text(Texts.Markdown(
                "Scorecard_Date", CardFormat.Date(s.Date), s.DaysToGo < 0 ? Texts["Scorecard_Passed"] : CardFormat.Days(s.DaysToGo))),
            CardElements.Badge(Markdown.Literal(RecommendationText(s.Recommendation)), SeverityOf(s.Recommendation)),
        };
        if (model.LastDecision is { } last)
        {
            var decision = Texts.Markdown("Status_LastDecision", Markdown.When(last.ClosedAt), GoLiveVoteCard.ChoiceText(last.Choice));
            body.Add(CardElements.Text(decision, spacing: Spacing.None));
        }

        if (model.OpenVote is { } open)
        {
            body.Add(CardElements.Text(
                Texts.Markdown("Status_VoteOpen", Markdown.When(open.ClosesAt), open.Voted, open.Panel), spacing: Spacing.None));
        }

        if (s.Blockers.Count > 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Scorecard_Blockers", Names(s.Blockers)), spacing: Spacing.None));
        }

        if (s.Conditions.Count > 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Scorecard_Conditions", Names(s.Conditions)), spacing: Spacing.None));
        }

        body.Add(CardElements.Section(Texts.Markdown("Scorecard_Criteria", s.Met, s.Criteria.Count)));
        foreach (var group in s.Criteria.GroupBy(c => c.Criterion.Group))
        {
            body.Add(CardElements.Text(Markdown.Literal(Texts[$"Group_{group.Key}"]), subtle: true));
            foreach (var result in group)
            {
                body.Add(CardElements.Text(Line(model.Project, result), spacing: Spacing.None));
            }
        }

        body.Add(CardElements.Section(Texts.Markdown("Scorecard_Critical")));
        body.Add(CardElements.Text(s.CriticalItems.Count == 0
            ? Texts.Markdown("Scorecard_NoCritical")
            : Markdown.Join(Markdown.Of($"\n\n"), s.CriticalItems.Select(i => Texts.Markdown(
                "Scorecard_CriticalItem", i.Risk.ToString(), i.Title, RiskLabels.Band(i.Band), RiskLabels.Category(i.Category))))));

        body.Add(CardElements.Section(Texts.Markdown("Scorecard_Trend")));
        body.Add(CardElements.Text(s.Trend.Count == 0
            ? Texts.Markdown("Scorecard_NoCheckpoint")
            : Markdown.Join(Markdown.Of($"\n\n"), s.Trend.Select(k => Texts.Markdown(
                "Scorecard_Checkpoint",
                CardFormat.Days(k.DaysBefore),
                CardFormat.Date(k.KeptOn),
                k.Met,
                k.Criteria.Count,
                RecommendationText(k.Recommendation))))));

        // The buttons name the project: the conversation's current project may be another one by the time they are tapped.
        // While a vote is open another is not offered (the domain refuses it too); a voter gets the way back to their own vote.
        var code = model.Project.Code.Value;
        List<ExecuteAction> actions = model.OpenVote is { OnPanel: true } mine
            ? [CardElements.Execute(
                Texts["Scorecard_BackToVoteButton"], GoLiveRoundKind.Change, GoLiveCardParts.RoundData(code, mine.RoundId), primary: true)]
            : [];
        if (model.CanManage)
        {
            actions.Add(CardElements.Command(Texts["Scorecard_AddButton"], $"golive add {code}"));
            actions.Add(CardElements.Command(Texts["Scorecard_EditButton"], $"golive edit {code}"));
            actions.Add(CardElements.Command(Texts["Scorecard_DateButton"], $"golive {code}"));
            if (model.OpenVote is null)
            {
                actions.Add(CardElements.Command(Texts["Scorecard_VoteButton"], $"golive vote {code}"));
            }
        }
        else
        {
            actions.Add(CardElements.Command(Texts["Scorecard_RefreshButton"], $"golive status {code}"));
        }

        return new AdaptiveCard(body, actions).ToJObject();
    }

    /// <summary>The recommendation in the reader's words.</summary>
    public static string RecommendationText(Recommendation recommendation) => Texts[$"Recommendation_{recommendation}"];

    /// <summary>A criterion's name: the PM's, else its template item's.</summary>
    public static string NameOf(GateCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Name?.Value ?? (criterion.TemplateKey is { } key ? Texts[$"Template_{key}"] : $"#{criterion.Number}");
    }

    internal static Severity SeverityOf(Recommendation recommendation) => recommendation switch
    {
        Recommendation.Go => Severity.Low,
        Recommendation.GoWithConditions => Severity.Medium,
        _ => Severity.High,
    };

    private static string Names(IEnumerable<CriterionResult> results) =>
        string.Join(Texts["Scorecard_ListSeparator"], results.Select(r => $"#{r.Criterion.Number} {NameOf(r.Criterion)}"));

    private static Markdown Line(Project project, CriterionResult result)
    {
        var c = result.Criterion;
        var owner = project.Members.FirstOrDefault(m => m.Person == c.Owner)?.DisplayName ?? Texts["Scorecard_FormerOwner"];
        var head = Texts.Markdown(
            "Scorecard_Line",
            Texts[$"State_{result.State}"],
            c.Number,
            NameOf(c),
            Texts[$"Importance_{c.Importance}"],
            owner);
        return head + Markdown.Of($" — ") + Detail(result);
    }

    private static Markdown Detail(CriterionResult result)
    {
        var c = result.Criterion;
        if (result.Why is { } why)
        {
            // Not known yet, the threshold still shows, so the PM sees what a changed one now asks for.
            return c.Measure is { } unknownMeasure && Needs(c, unknownMeasure) is { } needs
                ? Texts.Markdown($"Unknown_{why}") + Markdown.Of($" · ") + needs
                : Texts.Markdown($"Unknown_{why}");
        }

        if (c.Measure is not { } measure)
        {
            var a = c.Attestation!;
            var evidence = a.Evidence.Value.Length > EvidenceShown ? a.Evidence.Value[..EvidenceShown] + "…" : a.Evidence.Value;
            return Texts.Markdown("Scorecard_Attested", CardFormat.Date(a.On), evidence);
        }

        var figure = result.Figure ?? 0;
        var threshold = c.Threshold ?? 0;
        return measure switch
        {
            Measure.ReadinessWithoutBarrier => Texts.Markdown(
                    "Measure_Readiness", CardFormat.Percent(figure), CardFormat.Percent(threshold))
                + (result.Below is { Count: > 0 } below
                    ? Texts.Markdown("Measure_DepartmentsBelow", string.Join(
                        Texts["Scorecard_ListSeparator"],
                        below.Select(d => $"{d.Department ?? Texts["Department_None"]} {CardFormat.Percent(d.Share)}")))
                    : Markdown.Empty),
            Measure.OpenCriticalRisks => Texts.CountMarkdown("Measure_Critical", (int)figure, (int)threshold),
            Measure.PatientSafetyRisksUnhandled => Texts.CountMarkdown("Measure_PatientSafety", (int)figure),
            Measure.CheckInBlockedShare => Texts.Markdown("Measure_Blocked", CardFormat.Percent(figure), CardFormat.Percent(threshold)),
            Measure.TrainingRequestsOpen => Texts.CountMarkdown("Measure_Training", (int)figure, (int)threshold),

            // The noun agrees with the milestones counted ("1 of 1 milestone"), so that count comes first.
            Measure.MilestonesDone => Texts.CountMarkdown("Measure_Milestones", result.OutOf ?? 0, (int)figure),
            Measure.KpiAtOrPast => Texts.Markdown(
                "Measure_Kpi", c.Subject?.Value ?? string.Empty, CardFormat.Number(figure), CardFormat.Number(threshold)),
            _ => Markdown.Empty,
        };
    }

    /// <summary>What a computed criterion asks for, worded without a figure; null for a measure that takes no threshold.</summary>
    private static Markdown? Needs(GateCriterion c, Measure measure)
    {
        var threshold = c.Threshold ?? GateCriterion.DefaultThreshold(measure) ?? 0;
        return measure switch
        {
            Measure.ReadinessWithoutBarrier => Texts.Markdown("Needs_Readiness", CardFormat.Percent(threshold)),
            Measure.CheckInBlockedShare => Texts.Markdown("Needs_Blocked", CardFormat.Percent(threshold)),
            Measure.OpenCriticalRisks => threshold == 0
                ? Texts.Markdown("Needs_Critical_None")
                : Texts.CountMarkdown("Needs_Critical", (int)threshold),
            Measure.TrainingRequestsOpen => threshold == 0
                ? Texts.Markdown("Needs_Training_None")
                : Texts.CountMarkdown("Needs_Training", (int)threshold),
            Measure.KpiAtOrPast => Texts.Markdown("Needs_Kpi", c.Subject?.Value ?? string.Empty, CardFormat.Number(threshold)),
            Measure.MilestonesDone when c.Subject is { } named => Texts.Markdown("Needs_Milestones", named.Value),
            _ => null,
        };
    }
}

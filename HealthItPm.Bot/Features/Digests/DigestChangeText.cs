using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// One of the digest's changes as a line of text, from DigestCards.resx in the reader's language, days and
/// shares in the reader's culture. The names people typed (a risk's title, a milestone, a wave) are put in
/// as written: the card shows the line in a <c>TextRun</c>, which never reads it as markdown.
/// </summary>
public static class DigestChangeText
{
    private static TextResource Texts => DigestTexts.Cards;

    public static string Of(DigestChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change switch
        {
            DigestChange.RagChanged c => Texts.Format("Change_Rag", c.Project, DigestCard.Label(c.Before), DigestCard.Label(c.After)),
            DigestChange.RiskLogged { Rating: { } rating } c =>
                Texts.Format("Change_RiskLogged", c.Risk, c.Title, DigestCard.Band(rating.Band), rating.Score),
            DigestChange.RiskLogged c => Texts.Format("Change_RiskLogged_Unrated", c.Risk, c.Title),
            DigestChange.RiskEscalated { To: { } to } c =>
                Texts.Format("Change_RiskEscalatedTo", c.Risk, c.Title, DigestCard.Name(to), c.Level),
            DigestChange.RiskEscalated c => Texts.Format("Change_RiskEscalated", c.Risk, c.Title, c.Level),
            DigestChange.RiskAcknowledged c => Texts.Format(
                "Change_RiskAcknowledged", c.Risk, c.Title, c.By is { } by ? DigestCard.Name(by) : Texts["Change_ALeader"]),
            DigestChange.RiskAccepted { By: { } by } c => Texts.Format("Change_RiskAcceptedBy", c.Risk, c.Title, DigestCard.Name(by)),
            DigestChange.RiskAccepted c => Texts.Format("Change_RiskAccepted", c.Risk, c.Title),
            DigestChange.RiskClosed { By: { } by } c => Texts.Format("Change_RiskClosedBy", c.Risk, c.Title, DigestCard.Name(by)),
            DigestChange.RiskClosed c => Texts.Format("Change_RiskClosed", c.Risk, c.Title),
            DigestChange.MilestoneCompleted { DaysLate: > 0 } c =>
                Texts.Format("Change_MilestoneDoneLate", c.Project, c.Milestone, Day(c.Done), CardFormat.Days(c.DaysLate)),
            DigestChange.MilestoneCompleted c => Texts.Format("Change_MilestoneDone", c.Project, c.Milestone, Day(c.Done)),
            DigestChange.MilestoneSlipped c => Texts.Format("Change_MilestoneSlipped", c.Project, c.Milestone, Day(c.Planned)),
            DigestChange.ReadinessMoved c => Readiness(c),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "A digest change with no words."),
        };
    }

    /// <summary>
    /// The changes as lines, in order: the changes to one risk said once, where the first of them falls, with its title and its
    /// steps ("EHR-R3 Interface downtime: logged (high, score 12), escalated to level 1, acknowledged by Dr. Lee"); any other
    /// change as <see cref="Of"/> says it.
    /// </summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<DigestChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var byRisk = changes
            .Select(c => (Risk: RiskOf(c), Change: c))
            .Where(x => x.Risk is not null)
            .ToLookup(x => x.Risk!.Value.Id, x => x.Change);
        var said = new HashSet<RiskId>();
        var lines = new List<string>();
        foreach (var change in changes)
        {
            if (RiskOf(change) is not { } risk || byRisk[risk.Id].Count() == 1)
            {
                lines.Add(Of(change));
            }
            else if (said.Add(risk.Id))
            {
                lines.Add(Texts.Format(
                    "Change_RiskSteps", risk.Id, risk.Title, string.Join(CardTexts.Common["Separator"], byRisk[risk.Id].Select(Step))));
            }
        }

        return lines;
    }

    private static (RiskId Id, GuardedText Title)? RiskOf(DigestChange change) => change switch
    {
        DigestChange.RiskLogged c => (c.Risk, c.Title),
        DigestChange.RiskEscalated c => (c.Risk, c.Title),
        DigestChange.RiskAcknowledged c => (c.Risk, c.Title),
        DigestChange.RiskAccepted c => (c.Risk, c.Title),
        DigestChange.RiskClosed c => (c.Risk, c.Title),
        _ => null,
    };

    // One step of a risk's week, without its id and title.
    private static string Step(DigestChange change) => change switch
    {
        DigestChange.RiskLogged { Rating: { } rating } => Texts.Format("Step_RiskLogged", DigestCard.Band(rating.Band), rating.Score),
        DigestChange.RiskLogged => Texts["Step_RiskLogged_Unrated"],
        DigestChange.RiskEscalated { To: { } to } c => Texts.Format("Step_RiskEscalatedTo", DigestCard.Name(to), c.Level),
        DigestChange.RiskEscalated c => Texts.Format("Step_RiskEscalated", c.Level),
        DigestChange.RiskAcknowledged c =>
            Texts.Format("Step_RiskAcknowledged", c.By is { } by ? DigestCard.Name(by) : Texts["Change_ALeader"]),
        DigestChange.RiskAccepted { By: { } by } => Texts.Format("Step_RiskAcceptedBy", DigestCard.Name(by)),
        DigestChange.RiskAccepted => Texts["Step_RiskAccepted"],
        DigestChange.RiskClosed { By: { } by } => Texts.Format("Step_RiskClosedBy", DigestCard.Name(by)),
        DigestChange.RiskClosed => Texts["Step_RiskClosed"],
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "Not a step of a risk."),
    };

    // A first wave says where readiness stands; a later one how the share and the dominant barrier moved.
    private static string Readiness(DigestChange.ReadinessMoved change)
    {
        var wave = change.Wave;
        if (wave.Previous is not { } before)
        {
            var dominant = wave.DominantBarrier is { } element
                ? Texts.Format("Change_Barrier", ReasonText.Of(element))
                : Texts["Change_NoBarrier"];
            return Texts.Format("Change_ReadinessFirst", change.Project, wave.Wave, Share(wave.ShareWithoutBarrier), dominant);
        }

        var barrier = before.DominantBarrier == wave.DominantBarrier
            ? (wave.DominantBarrier is { } same ? Texts.Format("Change_BarrierStill", ReasonText.Of(same)) : Texts["Change_StillNoBarrier"])
            : Texts.Format("Change_BarrierMoved", Barrier(before.DominantBarrier), Barrier(wave.DominantBarrier));
        return Texts.Format(
            "Change_Readiness",
            change.Project,
            Share(before.ShareWithoutBarrier),
            Share(wave.ShareWithoutBarrier),
            before.Wave,
            wave.Wave,
            barrier);
    }

    private static string Barrier(AdkarElement? element) => element is { } known ? ReasonText.Of(known) : Texts["Change_BarrierNone"];

    private static string Share(decimal? share) => share is { } known ? Texts.Format("Change_Share", known) : Texts["Change_ShareUnknown"];

    private static string Day(DateOnly day) => day.ToString(Texts["Format_ChangeDay"], CultureInfo.CurrentCulture);
}

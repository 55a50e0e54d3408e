using System.Globalization;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Cards.Risks;

/// <summary>
/// A risk's history entry as a line of text: what changed, before → after, and who did it, with people
/// named as the project knows them (history keeps their ids; someone no longer on the project reads
/// "someone no longer on the project"). The text is for <c>TextRun</c>s, which show it as written.
/// </summary>
public static class RiskHistoryText
{
    public static string Describe(RiskEvent change, Func<PersonId, string?> nameOf)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(nameOf);
        string Person(PersonId? person) => person is { } p ? nameOf(p) ?? "someone no longer on the project" : "nobody";
        var what = change.Kind switch
        {
            RiskEventKind.Logged => $"Logged: {(change.Category is { } c ? RiskLabels.Category(c) + ", " : "")}{Rating(change.RatingAfter)}",
            RiskEventKind.Rated => $"Rating {Rating(change.RatingBefore)} → {Rating(change.RatingAfter)}",
            RiskEventKind.OwnerAssigned => $"Owner {Person(change.OwnerBefore)} → {Person(change.OwnerAfter)}",
            RiskEventKind.MitigationPlanned => $"Mitigation planned{(change.Due is { } due ? ", due " + ProjectFormat.Date(due) : "")}: {change.Note}",
            RiskEventKind.StatusChanged => $"Status {change.StatusBefore} → {change.StatusAfter}{(change.Note is { } note ? ": " + note : "")}",
            RiskEventKind.Escalated => $"Escalated level {change.LevelBefore?.ToString(CultureInfo.InvariantCulture) ?? "?"} → {change.LevelAfter?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(change.Escalation is { } why ? ": " + ReasonText.Of(why) : change.Note is { } note ? ": " + note : "")}",
            RiskEventKind.UpdateRequested => "Update requested",
            RiskEventKind.Acknowledged => "Acknowledged",
            RiskEventKind.OwnerReminded => $"Owner reminded: mitigation past due{(change.Due is { } due ? " (" + ProjectFormat.Date(due) + ")" : "")}",
            RiskEventKind.ChainExhausted => "Nobody in the escalation chain acknowledged: project managers told",
            RiskEventKind.Notified => $"{Notice(change.Notice)} sent to {Person(change.NoticeTo)}",
            RiskEventKind.NotReachable => $"{Notice(change.Notice)} could not reach {Person(change.NoticeTo)}: no chat with the bot",
            RiskEventKind.NoticeNotDelivered => $"{Notice(change.Notice)} to {Person(change.NoticeTo)} not delivered after {change.Attempts ?? 0} {(change.Attempts == 1 ? "try" : "tries")}",
            _ => change.Note ?? "Changed",
        };
        return change.By is { } by ? $"{what} · by {Person(by)}" : what;
    }

    private static string Rating(RiskRating? rating) => rating is { } r ? $"{r.Band} {r.Score} (P{r.Probability}×I{r.Impact})" : "unknown";

    private static string Notice(RiskNoticeKind? kind) => kind switch
    {
        RiskNoticeKind.Escalation => "Escalation card",
        RiskNoticeKind.OwnerReminder => "Past-due reminder",
        RiskNoticeKind.ChainExhausted => "Chain-exhausted notice",
        RiskNoticeKind.LeaderUnreachable => "Unreachable-leader notice",
        RiskNoticeKind.Acknowledged => "Acknowledgement notice",
        RiskNoticeKind.UpdateRequested => "Update request",
        _ => "Notice",
    };
}

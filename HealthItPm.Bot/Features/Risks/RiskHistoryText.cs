using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// A risk's history entry as a line of text: what changed, before → after, and who did it, with people
/// named as the project knows them (history keeps their ids; someone no longer on the project reads
/// "someone no longer on the project"). An escalation names the leader it went to ("Escalated to Dr. Lee
/// (level 1)"), by the project's chain (the name at a level, if anyone is there).
/// The text is for <c>TextRun</c>s, which show it as written.
/// </summary>
public static class RiskHistoryText
{
    private static TextResource Texts => RiskTexts.Cards;

    public static string Describe(RiskEvent change, Func<PersonId, string?> nameOf, Func<int, string?>? leaderAt = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(nameOf);
        string Person(PersonId? person) => person is { } p ? nameOf(p) ?? Texts["History_FormerMember"] : Texts["History_Nobody"];
        string Status(RiskStatus? status) => status is { } known ? RiskLabels.Status(known) : string.Empty;
        var what = change.Kind switch
        {
            RiskEventKind.Logged => change.Category is { } c
                ? Texts.Format("History_LoggedIn", RiskLabels.Category(c), Rating(change.RatingAfter))
                : Texts.Format("History_Logged", Rating(change.RatingAfter)),
            RiskEventKind.Rated => Texts.Format("History_Rated", Rating(change.RatingBefore), Rating(change.RatingAfter)),
            RiskEventKind.OwnerAssigned => Texts.Format("History_Owner", Person(change.OwnerBefore), Person(change.OwnerAfter)),
            RiskEventKind.MitigationPlanned => change.Due is { } due
                ? Texts.Format("History_MitigationDue", CardFormat.Date(due), change.Note)
                : Texts.Format("History_Mitigation", change.Note),
            RiskEventKind.StatusChanged =>
                WithNote(Texts.Format("History_Status", Status(change.StatusBefore), Status(change.StatusAfter)), change.Note),
            RiskEventKind.Escalated =>
                WithNote(Escalated(change.LevelAfter, leaderAt), change.Escalation is { } why ? ReasonText.Of(why) : change.Note),
            RiskEventKind.UpdateRequested => Texts["History_UpdateRequested"],
            RiskEventKind.Acknowledged => Texts["History_Acknowledged"],
            RiskEventKind.OwnerReminded => change.Due is { } due
                ? Texts.Format("History_OwnerRemindedDue", CardFormat.Date(due))
                : Texts["History_OwnerReminded"],
            RiskEventKind.ChainExhausted => Texts["History_ChainExhausted"],
            RiskEventKind.Notified => Texts.Format("History_Notified", Notice(change.Notice), Person(change.NoticeTo)),
            RiskEventKind.NotReachable => Texts.Format("History_NotReachable", Notice(change.Notice), Person(change.NoticeTo)),
            RiskEventKind.NoticeNotDelivered => Texts.Format(
                change.Attempts == 1 ? "History_NotDelivered_One" : "History_NotDelivered_Other",
                Notice(change.Notice),
                Person(change.NoticeTo),
                change.Attempts ?? 0),
            _ => change.Note ?? Texts["History_Changed"],
        };
        return change.By is { } by ? Texts.Format("History_By", what, Person(by)) : what;
    }

    private static string Escalated(int? level, Func<int, string?>? leaderAt) =>
        level is { } at && leaderAt?.Invoke(at) is { } leader
            ? Texts.Format("History_Escalated", leader, at)
            : Texts.Format("History_EscalatedToLevel", level?.ToString(CultureInfo.CurrentCulture) ?? "?");

    private static string WithNote(string what, string? note) => note is null ? what : Texts.Format("History_WithNote", what, note);

    private static string Rating(RiskRating? rating) => rating is { } r ? RiskLabels.Rating(r) : Texts["History_RatingUnknown"];

    private static string Notice(RiskNoticeKind? kind) =>
        Texts[$"Notice_{(kind is { } known && Enum.IsDefined(known) ? known.ToString() : "Other")}"];
}

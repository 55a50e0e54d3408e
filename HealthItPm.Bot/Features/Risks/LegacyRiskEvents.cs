using System.Globalization;
using System.Text.RegularExpressions;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// Reads the text events that risk documents of versions 1 and 2 hold (<c>What</c> with <c>Before</c> and
/// <c>After</c> as <see cref="Risk"/> wrote them until history was typed) as typed events. A text that
/// does not have the shape it was written in is kept whole as <see cref="RiskEventKind.Other"/>, never dropped.
/// It also reads the sentences stored for an escalation's reason and a notice's before those were typed.
/// </summary>
internal static partial class LegacyRiskEvents
{
    public static RiskEvent Read(DateTimeOffset at, PersonId? by, string what, string? before, string? after) => what switch
    {
        "logged" when LoggedText().Match(after ?? string.Empty) is { Success: true } m && Enum.TryParse<RiskCategory>(m.Groups[1].Value, out var category) && Rating(m.Groups[2].Value) is { } rating =>
            new RiskEvent(RiskEventKind.Logged, at, by) { Category = category, RatingAfter = rating },
        "rating" when Rating(after) is { } rating =>
            new RiskEvent(RiskEventKind.Rated, at, by) { RatingBefore = Rating(before), RatingAfter = rating },
        "owner" when Person(after) is { } owner =>
            new RiskEvent(RiskEventKind.OwnerAssigned, at, by) { OwnerBefore = Person(before), OwnerAfter = owner },
        "mitigation" when MitigationText().Match(after ?? string.Empty) is { Success: true } m =>
            new RiskEvent(RiskEventKind.MitigationPlanned, at, by) { Note = m.Groups[1].Value, Due = DateOnly.ParseExact(m.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture) },
        "status" when Enum.TryParse<RiskStatus>(before, out var from) && StatusText().Match(after ?? string.Empty) is { Success: true } m && Enum.TryParse<RiskStatus>(m.Groups[1].Value, out var to) =>
            new RiskEvent(RiskEventKind.StatusChanged, at, by) { StatusBefore = from, StatusAfter = to, Note = m.Groups[2].Success ? m.Groups[2].Value : null },
        "escalated" when int.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var from) && EscalatedText().Match(after ?? string.Empty) is { Success: true } m =>
            WithEscalation(new RiskEvent(RiskEventKind.Escalated, at, by) { LevelBefore = from, LevelAfter = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), StatusAfter = RiskStatus.Escalated }, m.Groups[2].Value),
        "update requested" => new RiskEvent(RiskEventKind.UpdateRequested, at, by),
        "acknowledged" => new RiskEvent(RiskEventKind.Acknowledged, at, by),
        "owner reminded" => new RiskEvent(RiskEventKind.OwnerReminded, at, by)
        {
            Due = DateOnly.TryParseExact(after, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
        },
        "escalation chain exhausted" => new RiskEvent(RiskEventKind.ChainExhausted, at, by),
        "notified" or "not reachable" or "notice not delivered" when NoticeText().Match(after ?? string.Empty) is { Success: true } m && Notice(m.Groups[1].Value) is { } notice =>
            new RiskEvent(what switch { "notified" => RiskEventKind.Notified, "not reachable" => RiskEventKind.NotReachable, _ => RiskEventKind.NoticeNotDelivered }, at, by)
            {
                Notice = notice,
                NoticeTo = new PersonId(m.Groups[2].Value),
                Attempts = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : null,
            },
        _ => new RiskEvent(RiskEventKind.Other, at, by) { Note = string.Join(": ", new[] { what, before is null ? after : $"{before} → {after}" }.Where(p => !string.IsNullOrEmpty(p))) },
    };

    /// <summary>
    /// The leader a notice is about: stored as such since notices were typed; before, a notice to a PM
    /// about a leader carried the leader's id as its reason, and the others a sentence not needed now.
    /// </summary>
    public static PersonId? Leader(RiskNoticeKind kind, string? leader, string? legacyReason) =>
        Person(leader ?? (kind is RiskNoticeKind.Acknowledged or RiskNoticeKind.LeaderUnreachable ? legacyReason : null));

    /// <summary>
    /// An escalation with its reason read from the sentence the policy stored before reasons were typed
    /// (in the invariant culture); a text with none of the shapes it wrote is kept as the note, shown as stored.
    /// </summary>
    public static RiskEvent WithEscalation(RiskEvent escalated, string? note) =>
        Escalation(note) is { } why ? escalated with { Escalation = why, Note = null } : escalated with { Note = note };

    private static EscalationReason? Escalation(string? note) => note switch
    {
        null => null,
        "critical risk" => new EscalationReason.CriticalRisk(),
        _ when SevereImpactText().Match(note) is { Success: true } m && Enum.TryParse<RiskCategory>(m.Groups[1].Value, out var category) =>
            new EscalationReason.SevereImpact(category, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)),
        _ when NotAcknowledgedText().Match(note) is { Success: true } m =>
            new EscalationReason.NotAcknowledged(
                m.Groups[3].Value.StartsWith("hour", StringComparison.Ordinal) ? TimeSpan.FromHours(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) : TimeSpan.FromMinutes(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)),
                m.Groups[2].Success),
        _ when PastDueText().Match(note) is { Success: true } m => new EscalationReason.MitigationPastDue(DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static RiskRating? Rating(string? text) =>
        RatingText().Match(text ?? string.Empty) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var p and >= 1 and <= 5 && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is var i and >= 1 and <= 5
            ? new RiskRating(p, i)
            : null;

    private static PersonId? Person(string? text) => string.IsNullOrWhiteSpace(text) ? null : new PersonId(text);

    private static RiskNoticeKind? Notice(string text) => text switch
    {
        "escalation card" => RiskNoticeKind.Escalation,
        "past-due reminder" => RiskNoticeKind.OwnerReminder,
        "chain-exhausted notice" => RiskNoticeKind.ChainExhausted,
        "unreachable-leader notice" => RiskNoticeKind.LeaderUnreachable,
        "acknowledgement notice" => RiskNoticeKind.Acknowledged,
        "update request" => RiskNoticeKind.UpdateRequested,
        _ => null,
    };

    [GeneratedRegex(@"^P([1-5])×I([1-5])")]
    private static partial Regex RatingText();

    [GeneratedRegex(@"^(\w+), (P[1-5]×I[1-5].*)$")]
    private static partial Regex LoggedText();

    [GeneratedRegex(@"^(.*) \(due (\d{4}-\d{2}-\d{2})\)$", RegexOptions.Singleline)]
    private static partial Regex MitigationText();

    [GeneratedRegex(@"^(\w+)(?:: (.*))?$", RegexOptions.Singleline)]
    private static partial Regex StatusText();

    [GeneratedRegex(@"^level (\d+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex EscalatedText();

    [GeneratedRegex(@"^(\w+) risk with impact ([1-5])$")]
    private static partial Regex SevereImpactText();

    [GeneratedRegex(@"^not acknowledged within (\d{1,4}) (business )?(hours?|minutes)$")]
    private static partial Regex NotAcknowledgedText();

    [GeneratedRegex(@"^mitigation past due since (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex PastDueText();

    [GeneratedRegex(@"^(.+?) to (\S+?)(?:: no chat with the bot| after (\d+) tr(?:y|ies))?$")]
    private static partial Regex NoticeText();
}

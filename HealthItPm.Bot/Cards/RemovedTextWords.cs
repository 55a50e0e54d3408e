using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Redaction;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// The removal of patient details from stored texts, worded in CommonCards.resx beside the removed-text marker: every
/// feature that shows typed text shares both.
/// </summary>
public sealed class RemovedTextWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => RedactionAudit.All;

    internal override TextResource Words => CardTexts.Common;
}

/// <summary>What the person who removed patient details is told, the same from every card they remove them from.</summary>
public static class RemovalWords
{
    /// <summary>
    /// Done, and how many other cards the bot sent were updated: none is said as nothing left to update, not as a failure.
    /// </summary>
    public static string Done(string field, string subject, int othersUpdated) =>
        CardTexts.Common.Format(
            "Removal_Done",
            field,
            subject,
            othersUpdated > 0 ? CardTexts.Common.Count("Removal_OthersUpdated", othersUpdated) : CardTexts.Common["Removal_NoOthers"]);
}

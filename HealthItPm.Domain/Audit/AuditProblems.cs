using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Audit;

/// <summary>The codes of what can be wrong with a read of the audit log.</summary>
[ProblemCodes]
public enum AuditProblem
{
    AuditDatesReversed,
    AuditSpanTooLong,
    AuditDatesOutOfRange,
    AuditPageUnknown,
    AuditProjectUnknown,
}

/// <summary>One factory per <see cref="AuditProblem"/>, named after its code.</summary>
public static class AuditProblems
{
    extension(Problem)
    {
        public static Problem AuditDatesReversed() => Problem.Of(AuditProblem.AuditDatesReversed);

        public static Problem AuditSpanTooLong(int maxDays) => Problem.Of(AuditProblem.AuditSpanTooLong, maxDays);

        /// <summary>A date before what the audit log goes back to (<paramref name="yearsBack"/> years) or after today.</summary>
        public static Problem AuditDatesOutOfRange(int yearsBack) => Problem.Of(AuditProblem.AuditDatesOutOfRange, yearsBack);

        /// <summary>"Older entries" from a card that does not continue a page of this span (changed, or not made by the bot).</summary>
        public static Problem AuditPageUnknown() => Problem.Of(AuditProblem.AuditPageUnknown);

        /// <summary>A project code no project of the tenant has (nothing to show, rather than an empty log).</summary>
        public static Problem AuditProjectUnknown(ProjectCode project) => Problem.Of(AuditProblem.AuditProjectUnknown, project);
    }
}

using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Audit;

/// <summary>Reading the audit log (admins only); the use cases write it through <see cref="IAuditLog"/>.</summary>
public sealed class AuditService(IAuditLog log, AccessPolicy access, TimeProvider clock)
{
    /// <summary>Entries on one card.</summary>
    public const int PageSize = 15;

    /// <summary>The longest span one query covers.</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// How far back a query may start: longer than the product has kept a log, and a bound on the months
    /// a read walks through (a date in year 1 or 9999 is a typing slip, not a span of the log).
    /// </summary>
    public const int YearsBack = 10;

    /// <summary>Today in UTC: the audit log's dates are UTC dates.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A page of the log, for an admin.</summary>
    public async Task<Outcome<AuditPage>> ReadAsync(TenantId tenant, PersonId person, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (access.CanInTenant(person, ProjectAction.ViewAudit) is { Allowed: false, Refusal: var refusal })
        {
            return new Outcome<AuditPage>.Refused(refusal!);
        }

        // A single date after today is the span's start in the future: out of range, not a span the wrong way round.
        if (query.From < Today.AddYears(-YearsBack) || query.To > Today || query.From > Today)
        {
            return new Outcome<AuditPage>.Invalid(Problem.AuditDatesOutOfRange(YearsBack));
        }

        if (query.From > query.To)
        {
            return new Outcome<AuditPage>.Invalid(Problem.AuditDatesReversed());
        }

        if (query.To.DayNumber - query.From.DayNumber >= MaxDays)
        {
            return new Outcome<AuditPage>.Invalid(Problem.AuditSpanTooLong(MaxDays));
        }

        return await log.ReadAsync(tenant, query, PageSize, cancellationToken) is { } page
            ? new Outcome<AuditPage>.Done(page)
            : new Outcome<AuditPage>.Invalid(Problem.AuditPageUnknown());
    }
}

using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Audit;

/// <summary>
/// What a person did that changed something, for the audit log. Each feature declares its own kinds beside its use cases
/// (<c>ProjectAudit</c>, <c>RiskAudit</c>, a kind of round's <c>Started</c> and <c>Answered</c>…) and the bot words each
/// from the feature's resources. The name is what the log stores: one word, never changed once entries exist.
/// </summary>
public readonly record struct AuditKind
{
    public AuditKind(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>
/// One line of the audit log: who (object id) did what (a kind), when, on which project and on what
/// in it (<paramref name="Subject"/>: an id — a risk such as EHR-R3, a concern number, a check-in
/// round, a person's object id). Never free text: nothing a person typed is in it.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, PersonId By, AuditKind Kind, ProjectCode? Project, string? Subject)
{
    /// <summary>Which field of the subject a change was to, when the kind needs it (patient details removed).</summary>
    public RemovableText? Field { get; init; }

    /// <summary>An entry for something done now.</summary>
    public static AuditEntry Now(TimeProvider clock, PersonId by, AuditKind kind, ProjectCode? project, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(clock.GetUtcNow(), by, kind, project, subject);
    }
}

/// <summary>Which entries to read: one project's or all, between two dates (UTC, both included), after a page already shown.</summary>
public sealed record AuditQuery(ProjectCode? Project, DateOnly From, DateOnly To, string? After = null);

/// <summary>A page of entries, newest first; <paramref name="Next"/> continues with older ones (none: this was the last page).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Next);

using HealthItPm.Domain.Audit;

namespace HealthItPm.Domain.Redaction;

/// <summary>What the audit log records of patient details removed from stored texts (which field, never the text).</summary>
public static class RedactionAudit
{
    public static AuditKind PatientDetailsRemoved { get; } = new(nameof(PatientDetailsRemoved));

    public static IReadOnlyList<AuditKind> All { get; } = [PatientDetailsRemoved];
}

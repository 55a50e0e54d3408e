using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Audit;

/// <summary>The append-only audit log: entries are added, never changed or removed.</summary>
public interface IAuditLog
{
    Task AppendAsync(TenantId tenant, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="pageSize"/> entries matching the query, newest first; none (null) when the
    /// query's <see cref="AuditQuery.After"/> is not where a page of the same span ended.
    /// </summary>
    Task<AuditPage?> ReadAsync(TenantId tenant, AuditQuery query, int pageSize, CancellationToken cancellationToken);
}

using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Ports;

/// <summary>The append-only audit log: entries are added, never changed or removed.</summary>
public interface IAuditLog
{
    Task AppendAsync(TenantId tenant, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="pageSize"/> entries matching the query, newest first.</summary>
    Task<AuditPage> ReadAsync(TenantId tenant, AuditQuery query, int pageSize, CancellationToken cancellationToken);
}

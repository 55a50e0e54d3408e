using System.Collections.Concurrent;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.Fakes;

/// <summary>The audit log in memory, in the order entries were appended.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<(TenantId Tenant, AuditEntry Entry)> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries.Select(e => e.Entry)];

    /// <summary>What was logged, as (who, what, subject), oldest first.</summary>
    public IReadOnlyList<(PersonId By, AuditKind Kind, string? Subject)> Logged => [.. Entries.Select(e => (e.By, e.Kind, e.Subject))];

    public Task AppendAsync(TenantId tenant, AuditEntry entry, CancellationToken cancellationToken)
    {
        _entries.Enqueue((tenant, entry));
        return Task.CompletedTask;
    }

    /// <summary>Newest first; the continuation is how many entries the pages before held (anything else continues nothing).</summary>
    public Task<AuditPage?> ReadAsync(TenantId tenant, AuditQuery query, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var skip = 0;
        if (query.After is not null && !int.TryParse(query.After, System.Globalization.CultureInfo.InvariantCulture, out skip))
        {
            return Task.FromResult<AuditPage?>(null);
        }

        var matching = _entries.Reverse()
            .Where(e => e.Tenant == tenant && (query.Project is null || e.Entry.Project == query.Project)
                && DateOnly.FromDateTime(e.Entry.At.UtcDateTime) is var day && day >= query.From && day <= query.To)
            .Select(e => e.Entry).ToList();
        var page = matching.Skip(skip).Take(pageSize).ToList();
        var next = skip + page.Count < matching.Count
            ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return Task.FromResult<AuditPage?>(new AuditPage(page, next));
    }
}

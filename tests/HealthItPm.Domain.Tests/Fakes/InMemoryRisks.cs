using System.Collections.Concurrent;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Fakes;

/// <summary>
/// The risk register in memory: a copy per read, a version per save, stale saves refused, numbers never handed out twice.
/// </summary>
public sealed class InMemoryRisks : IRiskStore
{
    private readonly ConcurrentDictionary<(TenantId, RiskId), (RiskState State, int Version)> _risks = new();
    private readonly ConcurrentDictionary<(TenantId, ProjectCode, int), (Concern Concern, int Version)> _concerns = new();
    private readonly ConcurrentDictionary<(TenantId, ProjectCode, string), int> _numbers = new();

    public Task<int> NextNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        Task.FromResult(_numbers.AddOrUpdate((tenant, project, "risk"), 1, (_, n) => n + 1));

    public Task AddAsync(TenantId tenant, Risk risk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return _risks.TryAdd((tenant, risk.Id), (risk.ToState(), 1))
            ? Task.CompletedTask
            : throw new InvalidOperationException($"{risk.Id} exists.");
    }

    public Task<VersionedRisk?> GetAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken) =>
        Task.FromResult(_risks.TryGetValue((tenant, id), out var stored)
            ? new VersionedRisk(Risk.Restore(stored.State), Version(stored.Version))
            : null);

    /// <summary>How many of the next risk or concern saves lose to another host that saved first.</summary>
    public int LosingSaves { get; set; }

    public Task<bool> SaveAsync(TenantId tenant, VersionedRisk risk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (Lose())
        {
            return Task.FromResult(false);
        }

        var key = (tenant, risk.Risk.Id);
        var stored = _risks[key];
        return Task.FromResult(Version(stored.Version) == risk.Version
            && _risks.TryUpdate(key, (risk.Risk.ToState(), stored.Version + 1), stored));
    }

    public Task<IReadOnlyList<Risk>> ListAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Risk>>([.. _risks.Where(r => r.Key.Item1 == tenant && r.Key.Item2.Project == project)
            .OrderBy(r => r.Key.Item2.Number)
            .Select(r => Risk.Restore(r.Value.State))]);

    public async Task<IReadOnlyList<Risk>> OpenOrChangedSinceAsync(
        TenantId tenant,
        ProjectCode project,
        DateTimeOffset since,
        CancellationToken cancellationToken) =>
        [.. (await ListAsync(tenant, project, cancellationToken)).Where(r => r.IsOpen || r.History[^1].At >= since)];

    public Task<int> NextConcernNumberAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        Task.FromResult(_numbers.AddOrUpdate((tenant, project, "concern"), 1, (_, n) => n + 1));

    public Task AddConcernAsync(TenantId tenant, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        return _concerns.TryAdd((tenant, concern.Project, concern.Number), (concern, 1))
            ? Task.CompletedTask
            : throw new InvalidOperationException("The concern exists.");
    }

    public Task<(Concern Concern, string Version)?> GetConcernAsync(
        TenantId tenant,
        ProjectCode project,
        int number,
        CancellationToken cancellationToken) =>
        Task.FromResult<(
            Concern,
            string)?>(_concerns.TryGetValue((tenant, project, number), out var stored) ? (stored.Concern, Version(stored.Version)) : null);

    public Task<bool> SaveConcernAsync(TenantId tenant, Concern concern, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        if (Lose())
        {
            return Task.FromResult(false);
        }

        var key = (tenant, concern.Project, concern.Number);
        var stored = _concerns[key];
        return Task.FromResult(Version(stored.Version) == version && _concerns.TryUpdate(key, (concern, stored.Version + 1), stored));
    }

    public Task<IReadOnlyList<(TenantId Tenant, RiskId Id)>> WatchedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(
            TenantId,
            RiskId)>>([.. _risks.Where(r => r.Value.State.Status is not (RiskStatus.Accepted or RiskStatus.Closed)
                || r.Value.State.Outbox is { Count: > 0 })
                .Select(r => r.Key)]);

    private bool Lose()
    {
        if (LosingSaves <= 0)
        {
            return false;
        }

        LosingSaves--;
        return true;
    }

    private static string Version(int version) => $"v{version}";
}

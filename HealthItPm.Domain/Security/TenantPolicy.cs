using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Security;

/// <summary>
/// Decides whether an incoming activity comes from a hospital allowed to use the bot. Teams states
/// the tenant twice (<c>conversation.tenantId</c> and <c>channelData.tenant.id</c>); both, where
/// present, must name an allowed tenant, and at least one must be present.
/// </summary>
public sealed class TenantPolicy
{
    private readonly HashSet<TenantId> _allowed;

    public TenantPolicy(IEnumerable<TenantId> allowedTenants)
    {
        ArgumentNullException.ThrowIfNull(allowedTenants);
        _allowed = [.. allowedTenants];
        if (_allowed.Count == 0)
        {
            throw new DomainException("At least one allowed tenant must be configured.");
        }
    }

    public IReadOnlyCollection<TenantId> AllowedTenants => _allowed;

    public bool Admits(string? conversationTenantId, string? channelDataTenantId)
    {
        var stated = new[] { conversationTenantId, channelDataTenantId }
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => new TenantId(id!))
            .ToList();

        return stated.Count > 0 && stated.All(_allowed.Contains);
    }
}

using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Security;

/// <summary>
/// Decides whether an incoming activity comes from a hospital allowed to use the bot. Teams states
/// the tenant twice (<c>conversation.tenantId</c> and <c>channelData.tenant.id</c>); at least one
/// must be present, and where both are they must name the same tenant — an activity that says two
/// different things about where it comes from is refused even when both tenants are allowed.
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
            throw new DomainException(Problem.NoAllowedTenants());
        }
    }

    public IReadOnlyCollection<TenantId> AllowedTenants => _allowed;

    public bool Admits(string? conversationTenantId, string? channelDataTenantId)
    {
        var stated = new[] { conversationTenantId, channelDataTenantId }
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => new TenantId(id!))
            .Distinct()
            .ToList();

        return stated.Count == 1 && _allowed.Contains(stated[0]);
    }
}

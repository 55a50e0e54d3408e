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
        var stated = new[] { conversationTenantId, channelDataTenantId }.Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        var tenants = stated.Select(id => TenantId.TryParse(id, out var tenant) ? tenant : (TenantId?)null).ToList();

        // A stated tenant that is not a tenant id admits nothing, whatever the other one says.
        return tenants.Count > 0
            && tenants.All(t => t is not null)
            && tenants.Distinct().Count() == 1
            && _allowed.Contains(tenants[0]!.Value);
    }
}

namespace HealthItPm.Domain.Common;

/// <summary>
/// An Azure AD (Entra ID) tenant, the hospital's directory, by its GUID in one canonical form (lower case,
/// with hyphens): the same tenant written upper-case, in braces or without hyphens is the same tenant.
/// </summary>
public readonly record struct TenantId
{
    public TenantId(string value)
    {
        if (!Guid.TryParse(value, out var parsed))
        {
            throw new DomainException(Problem.TenantIdRequired());
        }

        Value = parsed.ToString("D");
    }

    public string Value { get; }

    public static bool TryParse(string? value, out TenantId tenantId)
    {
        tenantId = default;
        if (!Guid.TryParse(value, out _))
        {
            return false;
        }

        tenantId = new TenantId(value!);
        return true;
    }

    public override string ToString() => Value;
}

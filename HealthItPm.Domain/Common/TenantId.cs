namespace HealthItPm.Domain.Common;

/// <summary>An Azure AD (Entra ID) tenant, the hospital's directory. Compared case-insensitively as GUID text.</summary>
public readonly record struct TenantId
{
    public TenantId(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(Problem.TenantIdRequired());
        }

        Value = value.Trim().ToLowerInvariant();
    }

    public string Value { get; }

    public static bool TryParse(string? value, out TenantId tenantId)
    {
        tenantId = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        tenantId = new TenantId(value);
        return true;
    }

    public override string ToString() => Value;
}

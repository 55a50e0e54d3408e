using System.ComponentModel.DataAnnotations;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Hosting;

/// <summary>The Azure AD tenants (hospitals) whose people may use the bot.</summary>
public sealed class TenantOptions : IValidatableObject
{
    public const string SectionName = "Tenants";

    public IList<string> AllowedTenantIds { get; init; } = [];

    public TenantPolicy ToPolicy() => new(AllowedTenantIds.Select(id => new TenantId(id)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AllowedTenantIds.Count == 0)
        {
            yield return new ValidationResult(
                "Tenants:AllowedTenantIds must name at least one Azure AD tenant id (a GUID).",
                [nameof(AllowedTenantIds)]);
        }

        foreach (var id in AllowedTenantIds.Where(id => !Guid.TryParse(id, out _)))
        {
            yield return new ValidationResult(
                $"Tenants:AllowedTenantIds contains '{id}', which is not a tenant id (a GUID).",
                [nameof(AllowedTenantIds)]);
        }
    }
}

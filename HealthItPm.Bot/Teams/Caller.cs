using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;

namespace HealthItPm.Bot.Teams;

/// <summary>Who is asking: their hospital (tenant) and Azure AD object id, never their display name.</summary>
public sealed record Caller(TenantId Tenant, PersonId Person, string Name)
{
    /// <summary>The caller of a turn; none when Teams did not say who it is (the tenant filter has already checked the tenant).</summary>
    public static Caller? Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        return TenantId.TryParse(ActivityTenant.Of(activity), out var tenant)
            && PersonId.TryParse(activity.From?.AadObjectId, out var person)
            ? new Caller(
                tenant,
                person,
                string.IsNullOrWhiteSpace(activity.From!.Name) ? Wording.Common["Caller_Someone"] : activity.From.Name.Trim())
            : null;
    }
}

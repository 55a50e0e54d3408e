using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace HealthItPm.Bot.Teams;

/// <summary>Reads the tenant an activity states, in the two places Teams puts it.</summary>
public static class ActivityTenant
{
    public static string? FromConversation(IActivity activity) => activity?.Conversation?.TenantId;

    public static string? FromChannelData(IActivity activity)
    {
        try
        {
            return activity?.GetChannelData<TeamsChannelData>()?.Tenant?.Id;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Malformed channel data states no tenant.
            return null;
        }
    }

    public static string? Of(IActivity activity) => FromConversation(activity) ?? FromChannelData(activity);
}

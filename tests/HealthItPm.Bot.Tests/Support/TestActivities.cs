using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>Teams-shaped activities as the connector posts them, for a demo hospital.</summary>
public static class TestActivities
{
    public const string Tenant = "4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f";
    public const string OtherTenant = "99999999-8888-7777-6666-555555555555";
    public const string NurseAadId = "0f3b6c1e-2a4d-4e8f-9b1c-7d5e3a2f1b0c";

    public static Activity Message(string? text, string serviceUrl, string conversationId = "a:personal-nurse", string tenant = Tenant)
    {
        var activity = Base(ActivityTypes.Message, serviceUrl, conversationId, tenant);
        activity.Text = text;
        activity.LocalTimezone = "America/Chicago";
        activity.Locale = "en-US";
        return activity;
    }

    public static Activity Invoke(string verb, JObject data, string serviceUrl, string conversationId = "a:personal-nurse", string tenant = Tenant)
    {
        var activity = Base(ActivityTypes.Invoke, serviceUrl, conversationId, tenant);
        activity.Name = "adaptiveCard/action";
        activity.Value = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static Activity InstallationUpdate(string action, string serviceUrl, string conversationId = "a:personal-nurse", string tenant = Tenant)
    {
        var activity = Base(ActivityTypes.InstallationUpdate, serviceUrl, conversationId, tenant);
        activity.Action = action;
        return activity;
    }

    public static Activity Base(string type, string serviceUrl, string conversationId, string tenant, string conversationType = "personal") => new()
    {
        Type = type,
        Id = "act-" + Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount("29:nurse", "Nina Patel (RN)", aadObjectId: NurseAadId),
        Recipient = new ChannelAccount("28:healthitpm", "HealthItPm"),
        Conversation = new ConversationAccount(isGroup: conversationType != "personal", conversationType: conversationType, id: conversationId, tenantId: tenant),
        ChannelData = JObject.FromObject(new TeamsChannelData { Tenant = new TenantInfo(tenant) }),
        Timestamp = DateTimeOffset.UtcNow,
    };

    public static string Json(Activity activity) => JsonConvert.SerializeObject(activity);
}

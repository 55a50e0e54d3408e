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
    public const string PmAadId = "a1b2c3d4-0000-4000-8000-000000000001";
    public const string PhysicianAadId = "a1b2c3d4-0000-4000-8000-000000000002";
    public const string PharmacistAadId = "a1b2c3d4-0000-4000-8000-000000000003";
    public const string CioAadId = "a1b2c3d4-0000-4000-8000-000000000004";

    public static readonly ChannelAccount Nurse = new("29:nurse", "Nina Patel (RN)", aadObjectId: NurseAadId);
    public static readonly ChannelAccount Pm = new("29:pm", "Priya Shah", aadObjectId: PmAadId);
    public static readonly ChannelAccount Physician = new("29:physician", "Dr. Omar Haddad", aadObjectId: PhysicianAadId);
    public static readonly ChannelAccount Pharmacist = new("29:pharmacist", "Grace Kim, PharmD", aadObjectId: PharmacistAadId);
    public static readonly ChannelAccount Cio = new("29:cio", "Dr. Marcus Lee", aadObjectId: CioAadId);

    /// <summary>Not in the fake connector's roster: known to the bot only because they chatted with it.</summary>
    public static readonly ChannelAccount ItAnalyst = new("29:it-analyst", "Sam Rivera (IT)", aadObjectId: "a1b2c3d4-0000-4000-8000-000000000005");

    /// <summary>The roster the fake connector answers with: the demo hospital's people.</summary>
    public static IReadOnlyList<ChannelAccount> Roster { get; } = [Pm, Nurse, Physician, Pharmacist, Cio];

    public static Activity Message(string? text, string serviceUrl, string conversationId = "a:personal-nurse", string tenant = Tenant, ChannelAccount? from = null)
    {
        var activity = Base(ActivityTypes.Message, serviceUrl, conversationId, tenant, from: from);
        activity.Text = text;
        activity.LocalTimezone = "America/Chicago";
        activity.Locale = "en-US";
        return activity;
    }

    public static Activity Invoke(string verb, JObject data, string serviceUrl, string conversationId = "a:personal-nurse", string tenant = Tenant, ChannelAccount? from = null)
    {
        var activity = Base(ActivityTypes.Invoke, serviceUrl, conversationId, tenant, from: from);
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

    public static Activity Base(string type, string serviceUrl, string conversationId, string tenant, string conversationType = "personal", ChannelAccount? from = null) => new()
    {
        Type = type,
        Id = "act-" + Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = from ?? Nurse,
        Recipient = new ChannelAccount("28:healthitpm", "HealthItPm"),
        Conversation = new ConversationAccount(isGroup: conversationType != "personal", conversationType: conversationType, id: conversationId, tenantId: tenant),
        ChannelData = JObject.FromObject(new TeamsChannelData { Tenant = new TenantInfo(tenant) }),
        Timestamp = DateTimeOffset.UtcNow,
    };

    public static string Json(Activity activity) => JsonConvert.SerializeObject(activity);
}

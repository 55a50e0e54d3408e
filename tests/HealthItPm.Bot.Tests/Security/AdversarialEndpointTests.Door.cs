using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The door of <c>/api/messages</c> (issue 25, findings 4–7): what the bot answers to invokes it does not
/// support, to activities too malformed to run a turn with, to one person's ids written another way, and to
/// tokens while the sign-in metadata cannot be reached.
/// </summary>
public sealed partial class AdversarialEndpointTests
{
    // Finding 4: every invoke Teams can send that HealthItPm has no use for (its manifest declares no
    // message extension, dialog, tab, file consent or sign-in), one it cannot know, and one without a name.
    private static readonly string?[] UnsupportedInvokeNames =
    [
        "task/fetch", "task/submit", "tab/fetch", "tab/submit", "config/fetch", "config/submit",
        "composeExtension/query", "composeExtension/queryLink", "composeExtension/anonymousQueryLink",
        "composeExtension/selectItem", "composeExtension/submitAction", "composeExtension/fetchTask",
        "composeExtension/querySettingUrl", "composeExtension/setting", "composeExtension/onCardButtonClicked",
        "signin/verifyState", "signin/tokenExchange", "fileConsent/invoke", "actionableMessage/executeAction",
        "message/submitAction", "handoff/action", "healthCheck", "made/up", null,
    ];

    [Fact]
    public async Task An_invoke_the_bot_does_not_support_is_answered_400_and_logged_once_per_name()
    {
        var logs = new LogCapture();
        using var host = DevelopmentHost(logs: logs);
        var names = UnsupportedInvokeNames;

        var statuses = new List<string>();
        foreach (var name in names.Concat(names))
        {
            var invoke = Activity(ActivityTypes.Invoke);
            invoke.Name = name;
            invoke.Value = new JObject { ["commandId"] = "search", ["state"] = "123456" };
            var response = await PostAsync(host, invoke, token: null);
            statuses.Add($"{name ?? "(no name)"}: {(int)response.StatusCode}");
        }

        Assert.Equal(names.Concat(names).Select(n => $"{n ?? "(no name)"}: {StatusCodes.Status400BadRequest}"), statuses);
        var logged = logs.Entries.Where(e => e.Category == "HealthItPm.Bot.Teams.UnsupportedInvokes").ToList();
        Assert.Equal(names.Length, logged.Count);
        Assert.All(logged, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    // Finding 5: activities too malformed to run a turn with, from a caller holding a genuine token.
    [Theory]
    [InlineData("recipient null")]
    [InlineData("from null")]
    [InlineData("conversation null")]
    [InlineData("conversation without an id")]
    [InlineData("channelData a string")]
    [InlineData("entities [null]")]
    [InlineData("attachments [null]")]
    [InlineData("membersAdded [null]")]
    [InlineData("serviceUrl javascript:")]
    [InlineData("serviceUrl with credentials")]
    [InlineData("serviceUrl plain http beyond loopback")]
    [InlineData("text an object")]
    [InlineData("an array")]
    [InlineData("channelData.tenant a string")]
    [InlineData("channelData.tenant a number")]
    [InlineData("a mention whose person is a string")]
    [InlineData("a mention whose person's id is an array")]
    [InlineData("conversationUpdate with channelData.team a string")]
    [InlineData("conversationUpdate with channelData.channel a string")]
    [InlineData("a meeting event whose value is a string")]
    [InlineData("a read receipt whose value is an array")]
    public async Task A_malformed_activity_is_refused_400_at_the_door_without_a_turn(string malformation)
    {
        var logs = new LogCapture();
        using var host = AuthenticatedHost(logs);
        var activity = JObject.Parse(TestActivities.Json(Activity(ActivityTypes.Message)));
        activity["text"] = "help";
        var serviceUrl = ServiceUrl;
        switch (malformation)
        {
            case "recipient null": activity["recipient"] = null; break;
            case "from null": activity["from"] = null; break;
            case "conversation null": activity["conversation"] = null; break;
            case "conversation without an id": ((JObject)activity["conversation"]!).Remove("id"); break;
            case "channelData a string": activity["channelData"] = "tenant"; break;
            case "entities [null]": activity["entities"] = new JArray(JValue.CreateNull()); break;
            case "attachments [null]": activity["attachments"] = new JArray(JValue.CreateNull()); break;
            case "membersAdded [null]": activity["membersAdded"] = new JArray(JValue.CreateNull()); break;
            case "serviceUrl javascript:": serviceUrl = "javascript:alert(document.cookie)//"; break;
            case "serviceUrl with credentials": serviceUrl = "https://user:secret@smba.trafficmanager.net/amer/"; break;
            case "serviceUrl plain http beyond loopback": serviceUrl = "http://smba.trafficmanager.net/amer/"; break;
            case "text an object": activity["text"] = new JObject { ["text"] = "help" }; break;
            case "channelData.tenant a string": activity["channelData"] = new JObject { ["tenant"] = "x" }; break;
            case "channelData.tenant a number": activity["channelData"] = new JObject { ["tenant"] = 5 }; break;
            case "a mention whose person is a string":
                activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["mentioned"] = "x" });
                break;
            case "a mention whose person's id is an array":
                activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["mentioned"] = new JObject { ["id"] = new JArray(1) } });
                break;
            case "conversationUpdate with channelData.team a string":
                activity["type"] = ActivityTypes.ConversationUpdate;
                activity["channelData"] = new JObject { ["team"] = "x", ["eventType"] = "teamRenamed" };
                break;
            case "conversationUpdate with channelData.channel a string":
                activity["type"] = ActivityTypes.ConversationUpdate;
                activity["channelData"] = new JObject { ["channel"] = "x", ["eventType"] = "channelCreated" };
                break;
            case "a meeting event whose value is a string":
                activity["type"] = ActivityTypes.Event;
                activity["name"] = "application/vnd.microsoft.meetingStart";
                activity["value"] = "x";
                break;
            case "a read receipt whose value is an array":
                activity["type"] = ActivityTypes.Event;
                activity["name"] = "application/vnd.microsoft.readReceipt";
                activity["value"] = new JArray(1);
                break;
            default: break;
        }

        activity["serviceUrl"] = serviceUrl;
        var body = malformation == "an array" ? new JArray(activity).ToString() : activity.ToString();

        var response = await PostRawAsync(host, body, _issuer.Valid(AppId, serviceUrl));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}\n" + string.Join("\n", logs.Entries.Select(e => e.All)));
        Assert.Single(logs.Entries, e => e.Category == "HealthItPm.Bot.Messages" && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("HealthItPm.Bot.Teams", StringComparison.Ordinal));
    }

    // Finding 6: one person is one person however Teams' ids are written.
    [Theory]
    [InlineData("object id upper-case")]
    [InlineData("object id in braces")]
    [InlineData("object id without hyphens")]
    [InlineData("tenant id upper-case")]
    [InlineData("tenant id in braces")]
    [InlineData("conversation's tenant id blank")]
    [InlineData("object id as a urn")]
    [InlineData("no object id, a new channel id")]
    public async Task A_person_whose_burst_is_spent_is_not_let_through_by_writing_their_ids_another_way(string rewriting)
    {
        using var host = DevelopmentHost(new() { ["Messages:PerCaller:Burst"] = "2", ["Messages:PerCaller:PerSecond"] = "1" });
        var nurse = Guid.Parse(TestActivities.NurseAadId);
        var tenant = Guid.Parse(TestActivities.Tenant);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, Activity("somethingNew"), token: null)).StatusCode);
        }

        var (person, tenantId) = rewriting switch
        {
            "object id upper-case" => (TestActivities.NurseAadId.ToUpperInvariant(), TestActivities.Tenant),
            "object id in braces" => (nurse.ToString("B"), TestActivities.Tenant),
            "object id without hyphens" => (nurse.ToString("N"), TestActivities.Tenant),
            "tenant id upper-case" => (TestActivities.NurseAadId, TestActivities.Tenant.ToUpperInvariant()),
            "conversation's tenant id blank" => (TestActivities.NurseAadId, " "),
            "object id as a urn" => ($"urn:uuid:{TestActivities.NurseAadId}", TestActivities.Tenant),
            "no object id, a new channel id" => (null, TestActivities.Tenant),
            _ => (TestActivities.NurseAadId, tenant.ToString("B")),
        };
        var statuses = new List<HttpStatusCode>();
        if (person is null || person.StartsWith("urn:", StringComparison.Ordinal))
        {
            // Senders without an object id that parses share one bucket: others spend it first.
            for (var i = 0; i < 2; i++)
            {
                var first = Activity("somethingNew", from: new ChannelAccount($"29:first-{i}", "First", aadObjectId: null));
                Assert.Equal(HttpStatusCode.OK, (await PostAsync(host, first, token: null)).StatusCode);
            }
        }

        for (var i = 0; i < 3; i++)
        {
            var from = new ChannelAccount(person is null ? $"29:another-{i}" : TestActivities.Nurse.Id, TestActivities.Nurse.Name, aadObjectId: person);
            var activity = Activity("somethingNew", from: from);
            activity.Conversation.TenantId = tenantId;
            var stated = string.IsNullOrWhiteSpace(tenantId) ? TestActivities.Tenant : tenantId;
            activity.ChannelData = JObject.FromObject(new Microsoft.Bot.Schema.Teams.TeamsChannelData { Tenant = new Microsoft.Bot.Schema.Teams.TenantInfo(stated) });
            statuses.Add((await PostAsync(host, activity, token: null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    // Finding 7: the sign-in metadata cannot be reached (nothing listens on its port).
    [Fact]
    public async Task While_the_sign_in_metadata_cannot_be_reached_a_token_is_answered_503_at_once_with_one_warning()
    {
        var unreachable = $"http://127.0.0.1:{HealthItPm.Testing.ChildProcess.FreeTcpPort()}/v1/.well-known/openidconfiguration";
        LocalTokenIssuer.AllowMetadataOverLoopbackHttp(unreachable);
        var logs = new LogCapture();
        using var host = AuthenticatedHost(logs, new() { ["ToBotFromChannelOpenIdMetadataUrl"] = unreachable });
        var started = System.Diagnostics.Stopwatch.StartNew();

        var forged = await PostAsync(host, Activity("somethingNew"), LocalTokenIssuer.UnknownKid(AppId, ServiceUrl));
        var genuine = await PostAsync(host, Activity("somethingNew"), _issuer.Valid(AppId, ServiceUrl));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(forged.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)forged.StatusCode}\n" + string.Join("\n", logs.Entries.Select(e => e.All)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, genuine.StatusCode);
        Assert.True(forged.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "503 without Retry-After");
        Assert.Equal(2, logs.Entries.Count(e => e.Category == "HealthItPm.Bot.Messages" && e.Level == LogLevel.Warning));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        // No stack trace from the request (the background services' storage warnings are another matter: no Azurite here).
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null
            && (e.Category.StartsWith("HealthItPm.Bot.Messages", StringComparison.Ordinal) || e.Category.StartsWith("HealthItPm.Bot.Teams", StringComparison.Ordinal)
                || e.Category.StartsWith("Microsoft.", StringComparison.Ordinal)));
    }

    private static async Task<HttpResponseMessage> PostRawAsync(WebApplicationFactory<Program> host, string body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(host, request);
    }
}

using System.Net;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Teams;

/// <summary>POST /api/messages with the real host on Azurite: good and bad input, end to end through the pipeline.</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class MessagesEndpointTests(BotEnvironment env)
{
    private static string NewConversation() => "a:conv-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Help_answers_with_the_help_card()
    {
        var conversation = NewConversation();

        var response = await env.Host.PostAsync(TestActivities.Message("help", env.Connector.ServiceUrl, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = CardOf(Assert.Single(env.Connector.SentActivities(conversation)));
        Assert.Contains("What I can do", card.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("   help   ")]
    [InlineData("<at>HealthItPm</at> help")]
    public async Task Commands_are_read_case_insensitively_with_spaces_and_a_mention(string text)
    {
        var conversation = NewConversation();
        var activity = TestActivities.Message(text, env.Connector.ServiceUrl, conversation);
        if (text.Contains("<at>", StringComparison.Ordinal))
        {
            activity.Entities = [new Mention(activity.Recipient, "<at>HealthItPm</at>")];
        }

        await env.Host.PostAsync(activity);

        Assert.Contains("What I can do", CardOf(Assert.Single(env.Connector.SentActivities(conversation))).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_gets_the_closest_command()
    {
        var conversation = NewConversation();

        await env.Host.PostAsync(TestActivities.Message("hlep", env.Connector.ServiceUrl, conversation));

        var card = CardOf(Assert.Single(env.Connector.SentActivities(conversation))).ToString();
        Assert.Contains("I don't know that command", card, StringComparison.Ordinal);
        Assert.Contains("Did you mean **help**?", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_message_gets_a_friendly_hint()
    {
        var conversation = NewConversation();

        var response = await env.Host.PostAsync(TestActivities.Message("", env.Connector.ServiceUrl, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("I didn't catch a command", CardOf(Assert.Single(env.Connector.SentActivities(conversation))).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_kB_message_is_answered_without_echoing_it()
    {
        var conversation = NewConversation();
        var huge = string.Concat(Enumerable.Repeat("patient notes ", 50 * 1024 / 14));

        var response = await env.Host.PostAsync(TestActivities.Message(huge, env.Connector.ServiceUrl, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = CardOf(Assert.Single(env.Connector.SentActivities(conversation))).ToString();
        Assert.Contains("too long for a command", card, StringComparison.Ordinal);
        Assert.DoesNotContain("patient notes", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"1\",\"text\":\"help\"}")]
    [InlineData("{\"type\":\"message\",\"id\":\"1\",\"text\":\"help\",\"conversation\":{\"id\":\"c\",\"tenantId\":\"4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f\"}}")]
    [InlineData("{\"type\":\"message\",\"id\":\"1\",\"text\":\"help\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"c\"}}")]
    public async Task A_body_that_is_not_a_usable_activity_is_answered_400(string body)
    {
        var before = env.Connector.Requests.Count;

        var response = await env.Host.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, env.Connector.Requests.Count);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_accepted_and_ignored()
    {
        var conversation = NewConversation();
        var activity = TestActivities.Base("somethingNew", env.Connector.ServiceUrl, conversation, TestActivities.Tenant);

        var response = await env.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(env.Connector.SentActivities(conversation));
    }

    [Fact]
    public async Task Another_tenant_is_dropped_without_a_reply_or_a_write()
    {
        var conversation = NewConversation();

        var message = await env.Host.PostAsync(TestActivities.Message("help", env.Connector.ServiceUrl, conversation, TestActivities.OtherTenant));
        var invoke = await env.Host.PostAsync(TestActivities.Invoke(Cards.CardVerbs.RunCommand, new JObject { ["command"] = "help" }, env.Connector.ServiceUrl, conversation, TestActivities.OtherTenant));

        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invoke.StatusCode);
        Assert.Empty(env.Connector.SentActivities(conversation));
        var table = env.Azurite.TableService.GetTableClient(ConversationReferenceTable.Name);
        Assert.Empty(table.Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == TestActivities.OtherTenant).ToList());
    }

    [Fact]
    public async Task A_tenant_stated_differently_in_channel_data_is_dropped()
    {
        var conversation = NewConversation();
        var activity = TestActivities.Message("help", env.Connector.ServiceUrl, conversation);
        activity.ChannelData = JObject.FromObject(new Microsoft.Bot.Schema.Teams.TeamsChannelData { Tenant = new Microsoft.Bot.Schema.Teams.TenantInfo(TestActivities.OtherTenant) });

        await env.Host.PostAsync(activity);

        Assert.Empty(env.Connector.SentActivities(conversation));
    }

    [Fact]
    public async Task A_card_button_replaces_the_card_in_place()
    {
        var conversation = NewConversation();

        var response = await env.Host.PostAsync(TestActivities.Invoke(Cards.CardVerbs.RunCommand, new JObject { ["command"] = "help" }, env.Connector.ServiceUrl, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Contains("What I can do", body["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(env.Connector.SentActivities(conversation));
    }

    [Theory]
    [InlineData("no.such.verb", "{\"command\":\"help\"}")]
    [InlineData("command.run", "{\"command\":42}")]
    [InlineData("command.run", "{}")]
    public async Task Tampered_or_stale_card_data_gets_a_card_saying_what_to_do(string verb, string data)
    {
        var conversation = NewConversation();

        var response = await env.Host.PostAsync(TestActivities.Invoke(verb, JObject.Parse(data), env.Connector.ServiceUrl, conversation));

        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)body["statusCode"]!);
        var card = body["value"]!.ToString();
        Assert.True(card.Contains("help", StringComparison.Ordinal), card);
    }

    [Fact]
    public async Task The_action_submit_fallback_is_routed_like_the_card_action()
    {
        var conversation = NewConversation();
        var activity = TestActivities.Message(null, env.Connector.ServiceUrl, conversation);
        activity.Value = new JObject { ["verb"] = Cards.CardVerbs.RunCommand, ["command"] = "help" };

        await env.Host.PostAsync(activity);

        Assert.Contains("What I can do", CardOf(Assert.Single(env.Connector.SentActivities(conversation))).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_the_app_greets_the_person_and_keeps_their_conversation()
    {
        var conversation = NewConversation();

        await env.Host.PostAsync(TestActivities.InstallationUpdate("add", env.Connector.ServiceUrl, conversation));

        Assert.Contains("Welcome to HealthItPm", CardOf(Assert.Single(env.Connector.SentActivities(conversation))).ToString(), StringComparison.Ordinal);
        var table = env.Azurite.TableService.GetTableClient(ConversationReferenceTable.Name);
        var row = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(TestActivities.Tenant, "person|" + TestActivities.NurseAadId);
        Assert.True(row.Value.GetBoolean("Reachable"));
    }

    [Fact]
    public async Task Uninstalling_marks_the_person_unreachable()
    {
        var conversation = NewConversation();
        await env.Host.PostAsync(TestActivities.Message("help", env.Connector.ServiceUrl, conversation));

        await env.Host.PostAsync(TestActivities.InstallationUpdate("remove", env.Connector.ServiceUrl, conversation));

        var table = env.Azurite.TableService.GetTableClient(ConversationReferenceTable.Name);
        var row = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(TestActivities.Tenant, "person|" + TestActivities.NurseAadId);
        Assert.False(row.Value.GetBoolean("Reachable"));

        await env.Host.PostAsync(TestActivities.InstallationUpdate("add", env.Connector.ServiceUrl, conversation));
        row = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(TestActivities.Tenant, "person|" + TestActivities.NurseAadId);
        Assert.True(row.Value.GetBoolean("Reachable"));
    }

    [Fact]
    public async Task A_channel_is_kept_by_its_id_without_the_thread()
    {
        var channel = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var activity = TestActivities.Base(ActivityTypes.ConversationUpdate, env.Connector.ServiceUrl, channel + ";messageid=1732000000000", TestActivities.Tenant, "channel");
        activity.MembersAdded = [activity.Recipient];

        await env.Host.PostAsync(activity);

        var table = env.Azurite.TableService.GetTableClient(ConversationReferenceTable.Name);
        var row = await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(TestActivities.Tenant, ConversationReferenceTable.ConversationKey(channel));
        Assert.True(row.HasValue, "The channel's conversation reference was not kept.");
        Assert.Contains($"\"id\":\"{channel}\"", JsonColumns.Read(row.Value!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_inside_a_turn_is_apologised_for_in_plain_words()
    {
        var conversation = NewConversation();
        // The first send (the help card) fails with 400, which is not retried: the turn fails.
        env.Connector.FailNext(400);

        var response = await env.Host.PostAsync(TestActivities.Message("help", env.Connector.ServiceUrl, conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(env.Connector.SentActivities(conversation), a => (string?)a["text"] is not null);
        Assert.Equal(HealthItPmAdapter.UnexpectedErrorMessage, (string?)apology["text"]);
    }

    internal static JObject CardOf(JObject activity)
    {
        var attachment = Assert.Single((JArray)activity["attachments"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        return (JObject)attachment["content"]!;
    }
}

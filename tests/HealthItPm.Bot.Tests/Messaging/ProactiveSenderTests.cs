using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Messaging;

/// <summary>Proactive sends through the real adapter to a connector on loopback that answers as Teams does.</summary>
[Collection(SharedBotEnvironment.Name)]
public class ProactiveSenderTests(BotEnvironment env)
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    private ConversationReferenceTable References => env.Host.Services.GetRequiredService<ConversationReferenceTable>();

    private ProactiveSender Sender(int maxAttempts = 4) => new(
        env.Host.Services.GetRequiredService<CloudAdapter>(),
        References,
        env.Host.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>(),
        new ConnectorRetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2)),
        TimeProvider.System,
        NullLogger<ProactiveSender>.Instance);

    private static IActivity Card() => AdaptiveCard.ToActivity(NoticeCard.Build(new NoticeCardModel("Weekly check-in", "How is the go-live going?")));

    private async Task<(PersonId Person, string Conversation)> KnownPersonAsync()
    {
        var person = new PersonId(Guid.NewGuid().ToString());
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = env.Connector.ServiceUrl,
            Conversation = new ConversationAccount(id: conversation, tenantId: TestActivities.Tenant),
            Bot = new ChannelAccount("28:healthitpm"),
            User = new ChannelAccount("29:u"),
        };
        await References.SaveAsync(Tenant, ConversationReferenceTable.PersonKey(person), new StoredConversation(reference, true, default, "29:u", null, null), default);
        return (person, conversation);
    }

    [Fact]
    public async Task A_known_person_gets_the_message_in_their_chat()
    {
        var (person, conversation) = await KnownPersonAsync();

        var result = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.NotNull(result.ActivityId);
        Assert.Single(env.Connector.SentActivities(conversation));
    }

    [Fact]
    public async Task A_person_the_bot_never_met_is_unreachable_without_a_call()
    {
        var before = env.Connector.Requests.Count;

        var result = await Sender().SendToPersonAsync(Tenant, new PersonId(Guid.NewGuid().ToString()), Card(), default);

        Assert.Equal(SendOutcome.Unreachable, result.Outcome);
        Assert.Equal(before, env.Connector.Requests.Count);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Teams_saying_forbidden_or_not_found_marks_the_person_unreachable_once(int status)
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(status);

        var first = await Sender().SendToPersonAsync(Tenant, person, Card(), default);
        var second = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal((SendOutcome.Unreachable, status), (first.Outcome, first.StatusCode));
        Assert.Equal(SendOutcome.Unreachable, second.Outcome);
        Assert.Single(env.Connector.Requests, r => r.Path.Contains(conversation, StringComparison.Ordinal));
        Assert.False((await References.GetAsync(Tenant, ConversationReferenceTable.PersonKey(person), default))!.Reachable);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(413)]
    [InlineData(500)]
    public async Task Failures_retrying_cannot_fix_are_not_retried(int status)
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(status);

        var result = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal((SendOutcome.Failed, status), (result.Outcome, result.StatusCode));
        Assert.Single(env.Connector.Requests, r => r.Path.Contains(conversation, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried_until_the_message_goes_through(int status)
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(status, times: 2);

        var result = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(3, env.Connector.Requests.Count(r => r.Path.Contains(conversation, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Throttling_waits_for_retry_after_then_sends()
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(429, retryAfter: "1");
        var started = TimeProvider.System.GetTimestamp();

        var result = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "Retry-After was not honoured");
        Assert.Equal(2, env.Connector.Requests.Count(r => r.Path.Contains(conversation, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_retry_after_longer_than_one_send_waits_is_handed_back_to_the_caller()
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(429, retryAfter: "120");

        var result = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal((SendOutcome.Throttled, TimeSpan.FromSeconds(120)), (result.Outcome, result.RetryAfter));
        Assert.Single(env.Connector.Requests, r => r.Path.Contains(conversation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persistent_transient_failures_give_up_after_the_attempt_limit()
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(503, times: 3);

        var result = await Sender(maxAttempts: 3).SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(3, env.Connector.Requests.Count(r => r.Path.Contains(conversation, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_team_member_gets_a_new_personal_chat_whose_reference_is_kept()
    {
        var person = new PersonId(Guid.NewGuid().ToString());
        var team = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = env.Connector.ServiceUrl,
            Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: "19:ehr-go-live@thread.tacv2", tenantId: TestActivities.Tenant),
            Bot = new ChannelAccount("28:healthitpm", "HealthItPm"),
        };

        var result = await Sender().OpenPersonalChatAsync(Tenant, team, person, "29:pharmacist", Card(), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var create = await env.Connector.WaitForAsync(r => r.Method == "POST" && r.Path == "/v3/conversations" && r.Body!.ToString().Contains("29:pharmacist", StringComparison.Ordinal));
        Assert.False((bool)create.Body!["isGroup"]!);
        Assert.Equal(TestActivities.Tenant, (string?)create.Body["tenantId"]);
        var kept = await References.GetAsync(Tenant, ConversationReferenceTable.PersonKey(person), default);
        Assert.NotNull(kept);
        Assert.StartsWith("a:created-", kept.Reference.Conversation.Id, StringComparison.Ordinal);

        var next = await Sender().SendToPersonAsync(Tenant, person, Card(), default);
        Assert.Equal(SendOutcome.Sent, next.Outcome);
    }

    [Fact]
    public async Task Someone_who_never_wrote_to_the_bot_but_shares_a_team_with_it_gets_a_personal_chat_opened_through_it()
    {
        var person = new PersonId(Guid.NewGuid().ToString());
        var channel = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var team = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = env.Connector.ServiceUrl,
            Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: channel, tenantId: TestActivities.Tenant),
            Bot = new ChannelAccount("28:healthitpm", "HealthItPm"),
        };
        await References.SaveAsync(Tenant, ConversationReferenceTable.ConversationKey(channel), new StoredConversation(team, true, default, null, null, null), default);
        await References.SaveRouteAsync(Tenant, person, channel + ";messageid=1700000000000", "29:never-wrote", default);

        var result = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Contains(env.Connector.Requests, r => r.Method == "POST" && r.Path == "/v3/conversations" && r.Body!.ToString().Contains("29:never-wrote", StringComparison.Ordinal));
        Assert.NotNull(await References.GetAsync(Tenant, ConversationReferenceTable.PersonKey(person), default));
    }

    [Fact]
    public async Task Someone_who_removed_the_app_is_not_written_to_through_a_team()
    {
        var (person, _) = await KnownPersonAsync();
        await References.MarkUnreachableAsync(Tenant, ConversationReferenceTable.PersonKey(person), default);
        await References.SaveRouteAsync(Tenant, person, "19:some-team@thread.tacv2", "29:removed", default);

        var result = await Sender().SendToPersonAsync(Tenant, person, Card(), default);

        Assert.Equal(SendOutcome.Unreachable, result.Outcome);
        Assert.DoesNotContain(env.Connector.Requests, r => r.Body?.ToString().Contains("29:removed", StringComparison.Ordinal) == true);
    }
}

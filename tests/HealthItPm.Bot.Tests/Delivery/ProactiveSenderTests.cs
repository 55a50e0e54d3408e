using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>One try at a proactive send through the real adapter, to a connector on loopback that answers as Teams does.</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class ProactiveSenderTests(BotEnvironment env)
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    private ConversationReferenceTable References => env.Host.Services.GetRequiredService<ConversationReferenceTable>();

    private ProactiveSender Sender => env.Host.Services.GetRequiredService<ProactiveSender>();

    private static Task Now(CancellationToken cancellationToken) => Task.CompletedTask;

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

    private async Task<(PersonId Person, string TeamsUserId)> TeamMemberAsync()
    {
        var person = new PersonId(Guid.NewGuid().ToString());
        var teamsUserId = "29:" + Guid.NewGuid().ToString("N");
        var channel = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var team = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = env.Connector.ServiceUrl,
            Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: channel, tenantId: TestActivities.Tenant),
            Bot = new ChannelAccount("28:healthitpm", "HealthItPm"),
        };
        await References.SaveAsync(Tenant, ConversationReferenceTable.ConversationKey(channel), new StoredConversation(team, true, default, null, null, null), default);
        await References.SaveRouteAsync(Tenant, person, channel + ";messageid=1700000000000", teamsUserId, "Sam Rivera", default);
        return (person, teamsUserId);
    }

    private int CallsTo(string conversation) => env.Connector.Requests.Count(r => r.Path.Contains(conversation, StringComparison.Ordinal));

    [Fact]
    public async Task A_known_person_gets_the_message_in_their_chat()
    {
        var (person, conversation) = await KnownPersonAsync();

        var answer = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.IsType<SendAnswer.Sent>(answer);
        Assert.Single(env.Connector.SentActivities(conversation));
        Assert.True(await Sender.CanReachAsync(Tenant, person, default));
    }

    [Fact]
    public async Task The_throttles_slot_is_awaited_once_per_send_right_before_Teams_is_called()
    {
        var (person, conversation) = await KnownPersonAsync();
        var (member, _) = await TeamMemberAsync();
        var callsAtSlot = new List<int>();
        Task Slot(CancellationToken cancellationToken)
        {
            callsAtSlot.Add(env.Connector.Requests.Count);
            return Task.CompletedTask;
        }

        var before = env.Connector.Requests.Count;
        Assert.IsType<SendAnswer.Sent>(await Sender.SendToPersonAsync(Tenant, person, Card(), Slot, default));
        var between = env.Connector.Requests.Count;
        Assert.IsType<SendAnswer.Sent>(await Sender.SendToPersonAsync(Tenant, member, Card(), Slot, default));

        // Once per send, with no call to Teams yet: the chat's send, or the opening of a new chat.
        Assert.Equal([before, between], callsAtSlot);
        Assert.Single(env.Connector.SentActivities(conversation));
    }

    [Fact]
    public async Task A_person_the_bot_never_met_is_unreachable_without_a_call()
    {
        var before = env.Connector.Requests.Count;
        var stranger = new PersonId(Guid.NewGuid().ToString());

        var answer = await Sender.SendToPersonAsync(Tenant, stranger, Card(), Now, default);

        Assert.Equal(new SendAnswer.Unreachable(null), answer);
        Assert.Equal(before, env.Connector.Requests.Count);
        Assert.False(await Sender.CanReachAsync(Tenant, stranger, default));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Teams_saying_forbidden_or_not_found_marks_the_person_unreachable(int status)
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(status, pathContains: conversation);

        var first = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);
        var second = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.Equal(new SendAnswer.Unreachable(status), first);
        Assert.Equal(new SendAnswer.Unreachable(null), second);
        Assert.Equal(1, CallsTo(conversation));
        Assert.False((await References.GetAsync(Tenant, ConversationReferenceTable.PersonKey(person), default))!.Reachable);
    }

    [Theory]
    [InlineData(400, typeof(SendAnswer.Rejected))]
    [InlineData(401, typeof(SendAnswer.Rejected))]
    [InlineData(413, typeof(SendAnswer.Rejected))]
    [InlineData(500, typeof(SendAnswer.Rejected))]
    [InlineData(412, typeof(SendAnswer.Transient))]
    [InlineData(502, typeof(SendAnswer.Transient))]
    [InlineData(503, typeof(SendAnswer.Transient))]
    [InlineData(504, typeof(SendAnswer.Transient))]
    public async Task One_try_says_how_Teams_answered_and_never_retries_by_itself(int status, Type expected)
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(status, pathContains: conversation);

        var answer = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.IsType(expected, answer);
        Assert.Equal(1, CallsTo(conversation));
    }

    [Fact]
    public async Task Throttling_hands_retry_after_back_at_once()
    {
        var (person, conversation) = await KnownPersonAsync();
        env.Connector.FailNext(429, retryAfter: "45", pathContains: conversation);

        var answer = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.Equal(new SendAnswer.Throttled(TimeSpan.FromSeconds(45)), answer);
        Assert.Equal(1, CallsTo(conversation));
    }

    [Fact]
    public async Task Someone_who_never_wrote_to_the_bot_but_shares_a_team_with_it_gets_a_personal_chat_opened_through_it()
    {
        var (person, teamsUserId) = await TeamMemberAsync();
        Assert.True(await Sender.CanReachAsync(Tenant, person, default));

        var answer = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.IsType<SendAnswer.Sent>(answer);
        var create = Assert.Single(env.Connector.Requests, r => r.Method == "POST" && r.Path == "/v3/conversations" && r.Body!.ToString().Contains(teamsUserId, StringComparison.Ordinal));
        Assert.False((bool)create.Body!["isGroup"]!);
        Assert.Equal(TestActivities.Tenant, (string?)create.Body["tenantId"]);
        var kept = await References.GetAsync(Tenant, ConversationReferenceTable.PersonKey(person), default);
        Assert.StartsWith("a:created-", kept!.Reference.Conversation.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_opened_for_a_send_that_then_failed_is_kept_so_the_retry_does_not_open_another()
    {
        var (person, teamsUserId) = await TeamMemberAsync();
        env.Connector.FailNext(503, pathContains: "/activities");

        var first = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);
        var second = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.IsType<SendAnswer.Transient>(first);
        Assert.IsType<SendAnswer.Sent>(second);
        Assert.Single(env.Connector.Requests, r => r.Method == "POST" && r.Path == "/v3/conversations" && r.Body!.ToString().Contains(teamsUserId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_who_removed_the_app_is_not_written_to_through_a_team()
    {
        var (person, _) = await KnownPersonAsync();
        await References.MarkUnreachableAsync(Tenant, ConversationReferenceTable.PersonKey(person), default);
        await References.SaveRouteAsync(Tenant, person, "19:some-team@thread.tacv2", "29:removed", "Former colleague", default);

        var answer = await Sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.IsType<SendAnswer.Unreachable>(answer);
        Assert.False(await Sender.CanReachAsync(Tenant, person, default));
        Assert.DoesNotContain(env.Connector.Requests, r => r.Body?.ToString().Contains("29:removed", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Proactive_sends_are_not_counted_against_the_turn_rate_limit_of_the_people_who_write_to_the_bot()
    {
        // A limit of one turn a second: counted against it, the second and third sends would end without going out.
        await using var host = new BotHost(env.Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "false",
            ["Messages:PerCaller:Burst"] = "1",
            ["Messages:PerCaller:PerSecond"] = "1",
        });
        var sender = host.Services.GetRequiredService<ProactiveSender>();
        var people = new[] { await KnownPersonAsync(), await KnownPersonAsync(), await KnownPersonAsync() };

        var answers = new List<SendAnswer>();
        foreach (var (person, _) in people)
        {
            answers.Add(await sender.SendToPersonAsync(Tenant, person, Card(), Now, default));
        }

        Assert.All(answers, a => Assert.IsType<SendAnswer.Sent>(a));
        Assert.All(people, p => Assert.Single(env.Connector.SentActivities(p.Conversation)));
    }

    [Fact]
    public async Task A_proactive_turn_that_ends_before_its_send_is_not_a_delivery()
    {
        var adapter = new CloudAdapter(env.Host.Services.GetRequiredService<BotFrameworkAuthentication>());
        adapter.Use(new EndsTheTurn());
        var sender = new ProactiveSender(adapter, References, env.Host.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>(), NullLogger<ProactiveSender>.Instance);
        var (person, conversation) = await KnownPersonAsync();

        var answer = await sender.SendToPersonAsync(Tenant, person, Card(), Now, default);

        Assert.IsType<SendAnswer.Transient>(answer);
        Assert.Empty(env.Connector.SentActivities(conversation));
    }

    /// <summary>A middleware that stops every turn, as a refusing filter does.</summary>
    private sealed class EndsTheTurn : Microsoft.Bot.Builder.IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

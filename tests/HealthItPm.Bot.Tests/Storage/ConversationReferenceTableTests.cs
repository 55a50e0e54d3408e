using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.Storage;

[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class ConversationReferenceTableTests(StorageEnvironment env)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private ConversationReferenceTable Table => new(env.Tables, _clock);

    private static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        Conversation = new ConversationAccount(id: conversationId),
        Bot = new ChannelAccount("28:healthitpm"),
    };

    [Fact]
    public async Task A_persons_chat_is_found_by_their_object_id_with_time_zone_and_locale()
    {
        var person = new PersonId(Guid.NewGuid().ToString());
        var key = ConversationReferenceTable.PersonKey(person);

        await Table.SaveAsync(_tenant, key, new StoredConversation(Reference("a:1"), true, default, "29:nurse", "America/Chicago", "en-US"), default);

        var stored = await Table.GetAsync(_tenant, key, default);
        Assert.NotNull(stored);
        Assert.Equal("a:1", stored.Reference.Conversation.Id);
        Assert.Equal("https://smba.trafficmanager.net/amer/", stored.Reference.ServiceUrl);
        Assert.Equal(("29:nurse", "America/Chicago", "en-US"), (stored.TeamsUserId, stored.TimeZone, stored.Locale));
        Assert.Equal(_clock.GetUtcNow(), stored.UpdatedAt);
        Assert.True(stored.Reachable);
    }

    [Fact]
    public async Task A_turn_without_a_time_zone_keeps_the_last_known_one()
    {
        var key = ConversationReferenceTable.PersonKey(new PersonId(Guid.NewGuid().ToString()));
        await Table.SaveAsync(_tenant, key, new StoredConversation(Reference("a:1"), true, default, "29:u", "Europe/Berlin", "de-DE"), default);

        await Table.SaveAsync(_tenant, key, new StoredConversation(Reference("a:1"), true, default, "29:u", null, null), default);

        var stored = await Table.GetAsync(_tenant, key, default);
        Assert.Equal("Europe/Berlin", stored!.TimeZone);
    }

    [Fact]
    public async Task Unreachable_is_recorded_and_cleared_by_the_next_install()
    {
        var key = ConversationReferenceTable.PersonKey(new PersonId(Guid.NewGuid().ToString()));
        var table = Table;
        await table.SaveAsync(_tenant, key, new StoredConversation(Reference("a:1"), true, default, "29:u", null, null), default);

        await table.MarkUnreachableAsync(_tenant, key, default);
        Assert.False((await table.GetAsync(_tenant, key, default))!.Reachable);

        await table.SaveAsync(_tenant, key, new StoredConversation(Reference("a:1"), true, default, "29:u", null, null), default);
        Assert.True((await table.GetAsync(_tenant, key, default))!.Reachable);
    }

    [Fact]
    public async Task Marking_an_unknown_conversation_unreachable_is_harmless()
    {
        await Table.MarkUnreachableAsync(_tenant, ConversationReferenceTable.ConversationKey("19:none"), default);

        Assert.Null(await Table.GetAsync(_tenant, ConversationReferenceTable.ConversationKey("19:none"), default));
    }
}

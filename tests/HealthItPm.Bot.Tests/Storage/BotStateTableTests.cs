using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Storage;

[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class BotStateTableTests(StorageEnvironment env)
{
    private BotStateTable Storage => new(env.Tables);

    private sealed class CurrentProject : IStoreItem
    {
        public string? ProjectId { get; set; }

        public string? ETag { get; set; }
    }

    [Fact]
    public async Task Conversation_and_user_state_survive_a_new_process()
    {
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = "msteams",
            Conversation = new ConversationAccount(id: conversation + "/with#odd?chars\\"),
            From = new ChannelAccount("29:pm"),
            Recipient = new ChannelAccount("28:bot"),
        };

        await WithStateAsync(activity, async (turn, conversationState, userState) =>
        {
            await conversationState.CreateProperty<string>("project").SetAsync(turn, "EHR go-live");
            await userState.CreateProperty<Dictionary<string, int>>("prefs").SetAsync(turn, new() { ["digestHour"] = 8 });
        });

        await WithStateAsync(activity, async (turn, conversationState, userState) =>
        {
            Assert.Equal("EHR go-live", await conversationState.CreateProperty<string>("project").GetAsync(turn));
            Assert.Equal(8, (await userState.CreateProperty<Dictionary<string, int>>("prefs").GetAsync(turn))!["digestHour"]);
        });
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused()
    {
        var key = "test/" + Guid.NewGuid().ToString("N");
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CurrentProject { ProjectId = "P1" } });
        var read = ((JObject)(await Storage.ReadAsync([key]))[key]).ToObject<CurrentProject>()!;
        Assert.False(string.IsNullOrEmpty(read.ETag));

        read.ProjectId = "P2";
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = read });
        var stale = new CurrentProject { ProjectId = "P3", ETag = read.ETag };

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync(new Dictionary<string, object> { [key] = stale }));
        var current = ((JObject)(await Storage.ReadAsync([key]))[key]).ToObject<CurrentProject>()!;
        Assert.Equal("P2", current.ProjectId);
    }

    [Fact]
    public async Task A_wildcard_etag_overwrites()
    {
        var key = "test/" + Guid.NewGuid().ToString("N");
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CurrentProject { ProjectId = "P1" } });

        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CurrentProject { ProjectId = "P2", ETag = "*" } });

        Assert.Equal("P2", (string?)((JObject)(await Storage.ReadAsync([key]))[key])["ProjectId"]);
    }

    [Fact]
    public async Task A_document_larger_than_one_column_is_split_and_read_back_whole()
    {
        var key = "test/" + Guid.NewGuid().ToString("N");
        var big = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26))));
        var document = new Dictionary<string, object> { ["a"] = big, ["b"] = big, ["c"] = big };

        await Storage.WriteAsync(new Dictionary<string, object> { [key] = document });

        var read = (JObject)(await Storage.ReadAsync([key]))[key];
        Assert.Equal(big, (string?)read["c"]);
    }

    [Fact]
    public async Task Missing_keys_are_absent_and_deleting_them_is_harmless()
    {
        var key = "test/" + Guid.NewGuid().ToString("N");

        Assert.Empty(await Storage.ReadAsync([key]));
        await Storage.DeleteAsync([key]);

        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new CurrentProject { ProjectId = "P1" } });
        await Storage.DeleteAsync([key]);
        Assert.Empty(await Storage.ReadAsync([key]));
    }

    private async Task WithStateAsync(Activity activity, Func<ITurnContext, ConversationState, UserState, Task> work)
    {
        // A fresh BotStateTable and state objects: nothing cached between the two "processes".
        var storage = new BotStateTable(env.Tables);
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        using var turn = new TurnContext(new TestAdapter(), activity);
        await conversationState.LoadAsync(turn);
        await userState.LoadAsync(turn);
        await work(turn, conversationState, userState);
        await conversationState.SaveChangesAsync(turn);
        await userState.SaveChangesAsync(turn);
    }
}

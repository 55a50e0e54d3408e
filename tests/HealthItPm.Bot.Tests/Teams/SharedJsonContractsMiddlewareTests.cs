using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Tests.Teams;

/// <summary>Every turn's connector client writes and reads activities with the one contract resolver of the process.</summary>
public class SharedJsonContractsMiddlewareTests
{
    [Fact]
    public async Task Two_turns_clients_share_one_contract_resolver()
    {
        using var first = new ConnectorClient(new Uri("https://127.0.0.1/"));
        using var second = new ConnectorClient(new Uri("https://127.0.0.1/"));
        Assert.NotSame(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);

        foreach (var client in new[] { first, second })
        {
            using var turn = new TurnContext(new TestAdapter(), new Activity(ActivityTypes.Message));
            turn.TurnState.Add<IConnectorClient>(client);
            await new SharedJsonContractsMiddleware().OnTurnAsync(turn, _ => Task.CompletedTask);
        }

        Assert.All(
            new[] { first.SerializationSettings, first.DeserializationSettings, second.SerializationSettings, second.DeserializationSettings },
            settings => Assert.Same(SharedJsonContractsMiddleware.Contracts, settings.ContractResolver));
    }

    [Fact]
    public async Task A_turn_without_a_client_goes_on()
    {
        using var turn = new TurnContext(new TestAdapter(), new Activity(ActivityTypes.Message));
        var ran = false;

        await new SharedJsonContractsMiddleware().OnTurnAsync(turn, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }
}

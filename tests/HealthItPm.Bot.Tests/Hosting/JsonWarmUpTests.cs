using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthItPm.Bot.Tests.Hosting;

/// <summary>The JSON of cards and activities is set up before the delivery worker starts, so a new host's first cards are not late.</summary>
public sealed class JsonWarmUpTests
{
    [Fact]
    public void It_starts_before_the_delivery_worker()
    {
        var hosted = new ServiceCollection().AddHealthItPmDelivery().Where(d => d.ServiceType == typeof(IHostedService)).ToList();

        // The JSON warm-up, the receiver, then the pipeline's monitor.
        Assert.Equal(3, hosted.Count);
        Assert.Equal(typeof(JsonWarmUp), hosted[0].ImplementationType);
        Assert.NotNull(hosted[1].ImplementationFactory);
    }

    [Fact]
    public async Task It_sets_up_a_card_and_its_activity_at_start()
    {
        var warmUp = new JsonWarmUp();

        await warmUp.StartAsync(default);
        await warmUp.StopAsync(default);
    }
}

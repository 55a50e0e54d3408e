using System.Collections.Concurrent;
using System.Globalization;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItPm.Bot.Tests.Delivery;

/// <summary>
/// A card nobody asked for in a turn is worded for whoever gets it: composed in the locale their Teams sent in their
/// chat with the bot (en-US when it never said), not in the culture of the host or of the turn that queued it.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class RecipientCultureTests(BotEnvironment env)
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    /// <summary>A kind of delivery that notes the culture each of its cards is composed in, and sends none.</summary>
    private sealed class CultureProbe : DeliveryKind
    {
        public ConcurrentDictionary<string, (string Culture, string UiCulture)> Composed { get; } = new();

        public override string Kind => "culture-probe";

        public override Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
        {
            Composed[work.Recipient!] = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
            return Task.FromResult<Composition>(new Composition.NotNeeded());
        }
    }

    private async Task<PersonId> PersonAsync(string? locale)
    {
        var person = new PersonId(Guid.NewGuid().ToString());
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = env.Connector.ServiceUrl,
            Conversation = new ConversationAccount(id: "a:" + Guid.NewGuid().ToString("N"), tenantId: TestActivities.Tenant),
            Bot = new ChannelAccount("28:healthitpm"),
            User = new ChannelAccount("29:u"),
        };
        var references = env.Host.Services.GetRequiredService<ConversationReferenceTable>();
        await references.SaveAsync(Tenant, ConversationReferenceTable.PersonKey(person), new StoredConversation(reference, true, default, "29:u", null, locale), default);
        return person;
    }

    [Fact]
    public async Task The_sender_knows_each_persons_culture_from_their_chat_and_falls_back_to_en_us()
    {
        var sender = env.Host.Services.GetRequiredService<ProactiveSender>();

        Assert.Equal("de-DE", (await sender.CultureOfAsync(Tenant, await PersonAsync("de-DE"), default)).Name);
        Assert.Equal("en-US", (await sender.CultureOfAsync(Tenant, await PersonAsync(null), default)).Name);
        Assert.Equal("en-US", (await sender.CultureOfAsync(Tenant, await PersonAsync(" "), default)).Name);
        Assert.Equal("en-US", (await sender.CultureOfAsync(Tenant, new PersonId(Guid.NewGuid().ToString()), default)).Name);
    }

    [Fact]
    public async Task Each_card_is_composed_in_its_recipients_culture_and_the_worker_keeps_its_own()
    {
        var probe = new CultureProbe();
        await using var host = env.Host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<DeliveryKind>(probe)));
        var (german, french, unknown) = (await PersonAsync("de-DE"), await PersonAsync("fr-FR"), await PersonAsync(null));
        var topic = new DeliveryTopic(probe.Kind, Guid.NewGuid().ToString("N"));
        await host.Services.GetRequiredService<DeliveryQueues>().EnqueueAsync([.. new[] { german, french, unknown }.Select(p => DeliveryWork.To(Tenant, topic, p))], default);

        using (new InCulture("ja-JP"))
        {
            await host.Services.GetRequiredService<DeliveryReceiver>().DrainAsync(default);
            Assert.Equal("ja-JP", CultureInfo.CurrentUICulture.Name);
        }

        Assert.Equal(("de-DE", "de-DE"), probe.Composed[german.Value]);
        Assert.Equal(("fr-FR", "fr-FR"), probe.Composed[french.Value]);
        Assert.Equal(("en-US", "en-US"), probe.Composed[unknown.Value]);
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Benchmarks.Hosts;

/// <summary>
/// The baseline: the Bot Framework's own cost per turn. A CloudAdapter and a Teams handler that
/// echo a message and answer a card action with a fixed card; no rules. A card action with the verb
/// <see cref="StoreVerb"/> first makes the one write a check-in answer needs, through <c>store</c>: the floor
/// any bot's submission can reach on the machine, the Bot Framework's turn and the write together; with
/// <see cref="GroupedStoreVerb"/>, the same write through <c>storeGrouped</c> (the bot's group commit).
/// </summary>
public sealed class EchoBot(Func<string, Task>? store, Func<string, Task>? storeGrouped) : TeamsActivityHandler
{
    public const string StoreVerb = "store";
    public const string GroupedStoreVerb = "store-grouped";

    private static readonly JObject Card =
        JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Echo"}]}""");

    public static WebApplication Build(Func<string, Task>? store = null, Func<string, Task>? storeGrouped = null)
    {
        var builder = Loopback.Builder();
        // Set up as the bot is (pooled HTTP connections to the connector), so only the work differs.
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
        builder.Services.AddSingleton<CloudAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>()));
        builder.Services.AddSingleton(new EchoBot(store, storeGrouped));
        var app = builder.Build();
        app.MapPost(
            "/api/messages",
            (HttpContext context, CloudAdapter adapter, EchoBot bot) =>
                adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted));
        return app;
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(invokeValue);
        var write = invokeValue.Action?.Verb switch
        {
            StoreVerb => store,
            GroupedStoreVerb => storeGrouped,
            _ => null,
        };
        if (write is not null)
        {
            await write(turnContext.Activity.From.AadObjectId);
        }

        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = "application/vnd.microsoft.card.adaptive",
            Value = Card,
        };
    }
}

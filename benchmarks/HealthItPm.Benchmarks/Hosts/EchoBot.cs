using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Benchmarks.Hosts;

/// <summary>
/// The baseline: the Bot Framework's own cost per turn. A CloudAdapter and a Teams handler that
/// echo a message and answer a card action with a fixed card; no storage, no rules.
/// </summary>
public sealed class EchoBot : TeamsActivityHandler
{
    private static readonly JObject Card =
        JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Echo"}]}""");

    public static WebApplication Build()
    {
        var builder = Loopback.Builder();
        // Set up as the bot is (pooled HTTP connections to the connector), so only the work differs.
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
        builder.Services.AddSingleton<CloudAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>()));
        builder.Services.AddSingleton<EchoBot>();
        var app = builder.Build();
        app.MapPost(
            "/api/messages",
            (HttpContext context, CloudAdapter adapter, EchoBot bot) =>
                adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted));
        return app;
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult(new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = "application/vnd.microsoft.card.adaptive",
            Value = Card,
        });
}

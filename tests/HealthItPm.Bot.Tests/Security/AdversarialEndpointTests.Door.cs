using HealthItPm.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The door of <c>/api/messages</c> (issue 25, findings 4–7): what the bot answers to invokes it does not
/// support, to activities too malformed to run a turn with, to one person's ids written another way, and to
/// tokens while the sign-in metadata cannot be reached.
/// </summary>
public sealed partial class AdversarialEndpointTests
{
    // Finding 4: every invoke Teams can send that HealthItPm has no use for (its manifest declares no
    // message extension, dialog, tab, file consent or sign-in), one it cannot know, and one without a name.
    private static readonly string?[] UnsupportedInvokeNames =
    [
        "task/fetch", "task/submit", "tab/fetch", "tab/submit", "config/fetch", "config/submit",
        "composeExtension/query", "composeExtension/queryLink", "composeExtension/anonymousQueryLink",
        "composeExtension/selectItem", "composeExtension/submitAction", "composeExtension/fetchTask",
        "composeExtension/querySettingUrl", "composeExtension/setting", "composeExtension/onCardButtonClicked",
        "signin/verifyState", "signin/tokenExchange", "fileConsent/invoke", "actionableMessage/executeAction",
        "message/submitAction", "handoff/action", "healthCheck", "made/up", null,
    ];

    [Fact]
    public async Task An_invoke_the_bot_does_not_support_is_answered_400_and_logged_once_per_name()
    {
        var logs = new LogCapture();
        using var host = DevelopmentHost(logs: logs);
        var names = UnsupportedInvokeNames;

        var statuses = new List<string>();
        foreach (var name in names.Concat(names))
        {
            var invoke = Activity(ActivityTypes.Invoke);
            invoke.Name = name;
            invoke.Value = new JObject { ["commandId"] = "search", ["state"] = "123456" };
            var response = await PostAsync(host, invoke, token: null);
            statuses.Add($"{name ?? "(no name)"}: {(int)response.StatusCode}");
        }

        Assert.Equal(names.Concat(names).Select(n => $"{n ?? "(no name)"}: {StatusCodes.Status400BadRequest}"), statuses);
        var logged = logs.Entries.Where(e => e.Category == "HealthItPm.Bot.Teams.UnsupportedInvokes").ToList();
        Assert.Equal(names.Length, logged.Count);
        Assert.All(logged, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}

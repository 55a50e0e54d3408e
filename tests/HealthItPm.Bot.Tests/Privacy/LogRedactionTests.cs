using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthItPm.Bot.Tests.Privacy;

/// <summary>
/// Logs carry no free text and no names: turns that carry a patient's name and an MRN (a message, a
/// form, and a turn that fails with an exception quoting them) leave neither in any log entry, at any
/// level, while the failure itself is still logged with its exception's type and stack trace.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class LogRedactionTests(BotEnvironment env)
{
    private const string Typed = "Margaret Olsen MRN 00482913 missed her scan";

    [Fact]
    public async Task A_name_and_phi_like_text_never_reach_the_logs()
    {
        var logs = new LogCapture();
        using var host = env.Host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var pm = new ProjectConversation(host, env.Connector, TestActivities.Pm);

        await pm.SayAsync(Typed);
        var form = CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new { code = "LOGS1", name = Typed, kind = "Ehr", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" }));
        var adapter = (BotAdapter)host.Services.GetRequiredService<CloudAdapter>();
        var failing = TestActivities.Message("status", env.Connector.ServiceUrl, "a:logs", from: TestActivities.Pm);
        failing.Type = ActivityTypes.Event;
        await adapter.OnTurnError(new TurnContext(adapter, failing), new InvalidOperationException($"Could not save \u201c{Typed}\u201d", new FormatException("Margaret Olsen")));

        Assert.Contains("Please remove patient information", form, StringComparison.Ordinal);
        var failed = Assert.Single(logs.Entries, e => e.Message.StartsWith("Turn failed", StringComparison.Ordinal));
        Assert.Contains(typeof(InvalidOperationException).FullName!, failed.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(FormatException).FullName!, failed.Message, StringComparison.Ordinal);
        Assert.True(logs.Entries.Count > 1, "The turns logged nothing at all, so the test would prove nothing.");
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain("Olsen", e.All, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Margaret", e.All, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("00482913", e.All, StringComparison.Ordinal);
            Assert.DoesNotContain("Priya", e.All, StringComparison.Ordinal);
        });
    }
}

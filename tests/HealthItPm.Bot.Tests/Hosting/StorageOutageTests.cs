using System.Net;
using Azure;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Hosting;

/// <summary>
/// Storage going away and coming back, with a private Azurite this class alone stops and starts
/// (a class fixture, so no other test sees the outage). Each test starts it again in case an
/// earlier one left it stopped.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class StorageOutageTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite = azurite;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    public Task DisposeAsync() => _connector.DisposeAsync().AsTask();

    [Fact]
    public async Task Health_follows_storage_and_the_bot_recovers_on_its_own()
    {
        using var host = new BotHost(_azurite.ConnectionString);
        var client = host.CreateClient();
        var healthy = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("healthy", (string?)JObject.Parse(await healthy.Content.ReadAsStringAsync())["status"]);

        await _azurite.StopAsync();
        var down = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var body = JObject.Parse(await down.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", (string?)body["status"]);
        Assert.Single(body.Properties());

        // Help needs no storage: it is still answered while storage is down.
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        await host.PostAsync(TestActivities.Message("help", _connector.ServiceUrl, conversation));
        Assert.Contains("What I can do", Assert.Single(_connector.SentActivities(conversation)).ToString(), StringComparison.Ordinal);

        await _azurite.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await HealthOnceRecoveredAsync(client));
        await host.PostAsync(TestActivities.Message("help", _connector.ServiceUrl, conversation));
        var row = await _azurite.TableService.GetTableClient(ConversationReferenceTable.Name)
            .GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(TestActivities.Tenant, "person|" + TestActivities.NurseAadId);
        Assert.True(row.HasValue, "The conversation was not kept once storage came back.");
    }

    // Each probe has a two-second bound; on a loaded machine the first ones after the restart can run past it, so health is
    // asked again for a while: the bot must recover without a restart, not within one probe.
    private static async Task<HttpStatusCode> HealthOnceRecoveredAsync(HttpClient client)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        return status;
    }

    [Fact]
    public async Task With_the_queue_service_unreachable_health_answers_unhealthy_though_the_tables_answer()
    {
        // Nothing listens on the port: the queue service is out of reach, the tables are Azurite's.
        var closed = ChildProcess.FreeTcpPort();
        var connectionString = _azurite.ConnectionString.Replace(
            $"127.0.0.1:{_azurite.QueuePort}/", $"127.0.0.1:{closed}/", StringComparison.Ordinal);
        using var host = new BotHost(connectionString);
        using var client = host.CreateClient();

        var answer = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        var body = JObject.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", (string?)body["status"]);
        Assert.Single(body.Properties());
    }

    [Fact]
    public async Task A_command_that_cannot_reach_storage_tells_the_person_to_try_again()
    {
        using var host = WithFailingCommand(new RequestFailedException(503, "Server busy"));
        var conversation = "a:" + Guid.NewGuid().ToString("N");

        await host.PostAsync(TestActivities.Message("failing", _connector.ServiceUrl, conversation));

        var reply = Assert.Single(_connector.SentActivities(conversation));
        Assert.Equal(HealthItPmAdapter.StorageUnavailableMessage, (string?)reply["text"]);
        Assert.DoesNotContain("Server busy", reply.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_action_that_fails_answers_with_an_error_the_card_can_show()
    {
        using var host = WithFailingCommand(new InvalidOperationException("secret internals"));
        var conversation = "a:" + Guid.NewGuid().ToString("N");

        var response = await host.PostAsync(TestActivities.Invoke(Cards.CardVerbs.RunCommand, new JObject { ["command"] = "failing" }, _connector.ServiceUrl, conversation));

        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal(HealthItPmAdapter.UnexpectedErrorMessage, (string?)body["value"]!["message"]);
        Assert.Empty(_connector.SentActivities(conversation));
    }

    private WebApplicationFactory<Program> WithFailingCommand(Exception failure)
    {
        var command = new Mock<ICommand>();
        command.SetupGet(c => c.Definition).Returns(new CommandDefinition("failing"));
        command.Setup(c => c.ExecuteAsync(It.IsAny<ITurnContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        // The derived factory owns the base one's configuration and is disposed by the test.
#pragma warning disable CA2000
        return new BotHost(_azurite.ConnectionString).WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton(command.Object)));
#pragma warning restore CA2000
    }
}

using System.Net;
using HealthItPm.Bot.Tests.Support;

namespace HealthItPm.Bot.Tests.Hosting;

/// <summary>With an app id configured, only requests carrying a valid Bot Connector token reach the bot.</summary>
public class AuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiI2ZjFlMmQzYy00YjVhLTQ5NzgtOGE2Yi01YzRkM2UyZjFhMGIifQ.")]
    public async Task A_request_without_a_valid_token_is_refused(string? authorization)
    {
        await using var connector = await FakeConnector.StartAsync();
        using var host = new BotHost("UseDevelopmentStorage=true", new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppPassword"] = "secret",
            ["Tenants:AllowedTenantIds:0"] = TestActivities.Tenant,
        }, "Production");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TestActivities.Json(TestActivities.Message("help", connector.ServiceUrl)), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }
}

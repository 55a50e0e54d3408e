using System.Security.Claims;
using HealthItPm.Bot.Hosting;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Moq;
using Moq.Protected;

namespace HealthItPm.Bot.Tests.Hosting;

/// <summary>The user-token client a turn is handed: made by the Bot Framework only when the turn uses it.</summary>
public sealed class DeferredUserTokensTests
{
    [Fact]
    public async Task The_user_token_client_is_made_on_its_first_use_only_and_disposed_with_the_turns()
    {
        var identity = new ClaimsIdentity();
        var made = new Mock<UserTokenClient>();
        made.Setup(c => c.GetUserTokenAsync("29:nurse", "sso", "msteams", null!, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TokenResponse { Token = "token" });
        var inner = new Mock<BotFrameworkAuthentication>();
        inner.Setup(a => a.CreateUserTokenClientAsync(identity, It.IsAny<CancellationToken>())).ReturnsAsync(made.Object);
        var authentication = new DeferredUserTokens(inner.Object);

        // A turn that never asks for a user token: nothing is made.
        using (await authentication.CreateUserTokenClientAsync(identity, default))
        {
        }

        inner.Verify(a => a.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>()), Times.Never());

        // A turn that does: the Bot Framework's client, made once, answers.
        var client = await authentication.CreateUserTokenClientAsync(identity, default);
        Assert.Equal("token", (await client.GetUserTokenAsync("29:nurse", "sso", "msteams", null!, default)).Token);
        Assert.Equal("token", (await client.GetUserTokenAsync("29:nurse", "sso", "msteams", null!, default)).Token);
        inner.Verify(a => a.CreateUserTokenClientAsync(identity, It.IsAny<CancellationToken>()), Times.Once());
        client.Dispose();
        made.Protected().Verify("Dispose", Times.Once(), ItExpr.Is<bool>(d => d));
    }
}

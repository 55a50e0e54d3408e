using System.Net;
using System.Net.Sockets;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Infrastructure;

/// <summary>The tests' own Azurite starts even when another process took one of its ports after they were picked.</summary>
[Trait("Needs", "Azurite")]
public class AzuriteFixtureTests
{
    [Fact]
    public async Task A_port_taken_before_the_first_start_is_replaced_by_a_free_one()
    {
        var azurite = new AzuriteFixture();
        var taken = azurite.TablePort;
        using var squatter = new TcpListener(IPAddress.Loopback, taken);
        squatter.Start();
        try
        {
            await azurite.InitializeAsync();

            Assert.NotEqual(taken, azurite.TablePort);
            await azurite.TableService.CreateTableIfNotExistsAsync("Started");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}

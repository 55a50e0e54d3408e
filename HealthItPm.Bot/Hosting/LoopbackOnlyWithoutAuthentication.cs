using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// With authentication off (an empty <c>MicrosoftAppId</c>) anyone who reaches the port can act as
/// anyone, so the bot then listens on loopback only: it refuses to start when configured for any
/// other address — checked before the server binds (<c>urls</c>, <c>http_ports</c>, Kestrel
/// endpoints) and again on the addresses actually bound.
/// </summary>
internal sealed class LoopbackOnlyWithoutAuthentication(
    IOptions<BotAuthenticationOptions> authentication,
    IConfiguration configuration,
    IServer server) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var configured = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .Concat(Ports("http_ports", "http")).Concat(Ports("https_ports", "https"));
        Refuse(configured);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Refuse(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(
            address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal),
            UriKind.Absolute,
            out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    // http_ports / https_ports bind every interface.
    private IEnumerable<string> Ports(string key, string scheme) =>
        (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(port => $"{scheme}://0.0.0.0:{port}");

    private void Refuse(IEnumerable<string> addresses)
    {
        if (!authentication.Value.AuthenticationDisabled)
        {
            return;
        }

        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            throw new OptionsValidationException(nameof(BotAuthenticationOptions), typeof(BotAuthenticationOptions),
            [
                "MicrosoftAppId is empty, which turns Bot Framework authentication off, " +
                $"and the bot would listen on {string.Join(", ", exposed)}: " +
                "without authentication it listens on loopback only (e.g. --urls http://127.0.0.1:3978). " +
                "Set MicrosoftAppId, or bind 127.0.0.1.",
            ]);
        }
    }
}

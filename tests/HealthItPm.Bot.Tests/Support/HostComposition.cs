using HealthItPm.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// The services of the host as <c>Program.cs</c> composes it (built, never started): what a test of "every registered
/// kind" or "every command" reads, so a feature added to the host is in it without the test naming it.
/// </summary>
internal static class HostComposition
{
    private static readonly Lazy<WebApplication> Host = new(() =>
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        return HealthItPmHost.Build(builder);
    });

    public static IServiceProvider Services => Host.Value.Services;
}

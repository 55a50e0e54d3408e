using System.Globalization;

namespace HealthItPm.Benchmarks.Hosts;

/// <summary>
/// The Bot Connector as far as a turn needs it: every reply is accepted at once with an id, so the
/// benchmark measures the bots, not a network.
/// </summary>
public static class ConnectorStub
{
    public static WebApplication Build()
    {
        var app = Loopback.Builder().Build();
        var ids = 0;
        app.MapPost(
            "/v3/conversations/{**rest}",
            () => Results.Json(new { id = Interlocked.Increment(ref ids).ToString(CultureInfo.InvariantCulture) }));
        return app;
    }
}

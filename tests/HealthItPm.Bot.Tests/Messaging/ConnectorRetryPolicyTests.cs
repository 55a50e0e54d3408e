using HealthItPm.Bot.Messaging;

namespace HealthItPm.Bot.Tests.Messaging;

public class ConnectorRetryPolicyTests
{
    [Theory]
    [InlineData(412, true)]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    [InlineData(500, false)]
    public void Only_what_teams_documents_as_transient_is_retried(int status, bool retryable) =>
        Assert.Equal(retryable, ConnectorRetryPolicy.IsRetryable(status));

    [Theory]
    [InlineData(403, true)]
    [InlineData(404, true)]
    [InlineData(429, false)]
    [InlineData(500, false)]
    public void Forbidden_and_not_found_mean_unreachable(int status, bool unreachable) =>
        Assert.Equal(unreachable, ConnectorRetryPolicy.MeansUnreachable(status));

    [Fact]
    public void Backoff_doubles_with_jitter_and_is_capped()
    {
        var policy = new ConnectorRetryPolicy(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromMilliseconds(250), policy.Backoff(1, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(500), policy.Backoff(1, 0.99999).RoundTo(TimeSpan.FromMilliseconds(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), policy.Backoff(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(1.5), policy.Backoff(10, 0));
        Assert.True(policy.Backoff(10, 0.99999) <= TimeSpan.FromSeconds(3));
    }
}

internal static class TimeSpanRounding
{
    public static TimeSpan RoundTo(this TimeSpan value, TimeSpan unit) => TimeSpan.FromTicks((long)Math.Round(value.Ticks / (double)unit.Ticks) * unit.Ticks);
}

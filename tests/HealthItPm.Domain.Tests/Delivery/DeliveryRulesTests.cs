using HealthItPm.Domain.Delivery;

namespace HealthItPm.Domain.Tests.Delivery;

public class DeliveryRulesTests
{
    private static readonly DeliveryRules Rules = new(
        maxAttempts: 8,
        baseDelay: TimeSpan.FromSeconds(5),
        maxDelay: TimeSpan.FromMinutes(15));

    [Theory]
    [InlineData(200, typeof(SendAnswer.Sent))]
    [InlineData(201, typeof(SendAnswer.Sent))]
    [InlineData(429, typeof(SendAnswer.Throttled))]
    [InlineData(412, typeof(SendAnswer.Transient))]
    [InlineData(502, typeof(SendAnswer.Transient))]
    [InlineData(503, typeof(SendAnswer.Transient))]
    [InlineData(504, typeof(SendAnswer.Transient))]
    [InlineData(403, typeof(SendAnswer.Unreachable))]
    [InlineData(404, typeof(SendAnswer.Unreachable))]
    [InlineData(400, typeof(SendAnswer.Rejected))]
    [InlineData(401, typeof(SendAnswer.Rejected))]
    [InlineData(413, typeof(SendAnswer.Rejected))]
    [InlineData(500, typeof(SendAnswer.Rejected))]
    public void Teams_answers_are_classified_as_its_documentation_says(int status, Type expected) =>
        Assert.IsType(expected, SendAnswer.FromStatus(status));

    [Fact]
    public void A_connector_that_cannot_be_reached_is_transient() =>
        Assert.Equal(new SendAnswer.Transient(null), SendAnswer.FromStatus(null));

    [Fact]
    public void Sent_settles_as_sent() =>
        Assert.Equal(new DeliveryDecision.Settle(DeliveryState.Sent), Rules.Decide(new SendAnswer.Sent(), 1, 0.5));

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public void Forbidden_and_not_found_settle_as_unreachable_at_the_first_try(int status) =>
        Assert.Equal(
            new DeliveryDecision.Settle(DeliveryState.Unreachable, DeliveryFailure.Gone),
            Rules.Decide(SendAnswer.FromStatus(status), 1, 0.5));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(413)]
    [InlineData(500)]
    public void Refusals_are_never_retried(int status) =>
        Assert.Equal(
            new DeliveryDecision.Settle(DeliveryState.NotDelivered, DeliveryFailure.Refused),
            Rules.Decide(SendAnswer.FromStatus(status), 1, 0.5));

    [Fact]
    public void A_retry_after_longer_than_the_backoff_is_honoured_with_at_most_a_second_of_jitter()
    {
        Assert.Equal(
            new DeliveryDecision.Retry(TimeSpan.FromSeconds(45)),
            Rules.Decide(new SendAnswer.Throttled(TimeSpan.FromSeconds(45)), 1, 0));
        Assert.Equal(
            new DeliveryDecision.Retry(TimeSpan.FromSeconds(45.99)),
            Rules.Decide(new SendAnswer.Throttled(TimeSpan.FromSeconds(45)), 1, 0.99));
    }

    [Theory]
    [InlineData(1, 0.0, 1000)]
    [InlineData(3, 0.0, 1000)]
    [InlineData(3, 0.5, 1050)]
    [InlineData(6, 0.99, 1099)]
    public void A_short_retry_after_is_taken_at_its_word_however_many_tries_came_before(int attempt, double jitter, int ms) =>
        Assert.Equal(
            new DeliveryDecision.Retry(TimeSpan.FromMilliseconds(ms)),
            Rules.Decide(new SendAnswer.Throttled(TimeSpan.FromSeconds(1)), attempt, jitter));

    [Fact]
    public void The_jitter_after_a_retry_after_is_at_most_a_tenth_of_it() =>
        Assert.Equal(
            new DeliveryDecision.Retry(TimeSpan.FromMilliseconds(210)),
            Rules.Decide(new SendAnswer.Throttled(TimeSpan.FromMilliseconds(200)), 2, 0.5));

    [Fact]
    public void A_throttle_without_retry_after_backs_off() =>
        Assert.Equal(new DeliveryDecision.Retry(TimeSpan.FromSeconds(2.5)), Rules.Decide(new SendAnswer.Throttled(null), 1, 0));

    [Theory]
    [InlineData(1, 0.0, 2500)]
    [InlineData(1, 0.5, 3750)]
    [InlineData(2, 0.0, 5000)]
    [InlineData(3, 0.0, 10000)]
    [InlineData(8, 0.0, 320000)]
    [InlineData(9, 0.0, 450000)]
    [InlineData(20, 0.0, 450000)]
    public void Backoff_doubles_with_jitter_up_to_the_ceiling(int attempt, double jitter, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Rules.Backoff(attempt, jitter));

    [Fact]
    public void Jitter_spreads_hosts_over_the_upper_half_of_the_window()
    {
        var low = Rules.Backoff(4, 0);
        var high = Rules.Backoff(4, 0.999);

        Assert.Equal(TimeSpan.FromSeconds(20), low);
        Assert.True(high > low && high < TimeSpan.FromSeconds(40));
    }

    [Theory]
    [InlineData(503, DeliveryFailure.KeptFailing)]
    [InlineData(429, DeliveryFailure.KeptThrottling)]
    [InlineData(null, DeliveryFailure.NotReached)]
    public void After_the_last_try_a_retryable_failure_is_given_up(int? status, DeliveryFailure failure)
    {
        Assert.IsType<DeliveryDecision.Retry>(Rules.Decide(SendAnswer.FromStatus(status), 7, 0.5));

        var settle = Assert.IsType<DeliveryDecision.Settle>(Rules.Decide(SendAnswer.FromStatus(status), 8, 0.5));

        Assert.Equal(DeliveryState.NotDelivered, settle.State);
        Assert.Equal(failure, settle.Failure);
    }

    [Fact]
    public void Rules_need_at_least_one_try_and_jitter_in_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeliveryRules(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.Backoff(1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.Backoff(1, -0.1));
    }
}

public class DeliveryRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static DeliveryRecord Record(DeliveryState state, DateTimeOffset? claimedUntil = null, DateTimeOffset? nextAttempt = null) =>
        new(
            new DeliveryTopic(DeliveryTopics.CheckInCard, "EHR|20261130T1200Z"),
            new HealthItPm.Domain.Common.PersonId("22222222-2222-2222-2222-222222222222"),
            state,
            1,
            claimedUntil,
            nextAttempt,
            null,
            null,
            Now);

    [Theory]
    [InlineData(DeliveryState.Sent)]
    [InlineData(DeliveryState.Unreachable)]
    [InlineData(DeliveryState.NotDelivered)]
    [InlineData(DeliveryState.NotNeeded)]
    public void A_settled_delivery_has_nothing_left_to_do(DeliveryState state) =>
        Assert.Null(Record(state).ActionableAt(Now));

    [Fact]
    public void A_pending_delivery_is_actionable_now_after_another_hosts_claim_or_after_its_wait()
    {
        Assert.Equal(Now, Record(DeliveryState.Pending).ActionableAt(Now));
        Assert.Equal(Now.AddSeconds(30), Record(DeliveryState.Pending, claimedUntil: Now.AddSeconds(30)).ActionableAt(Now));
        Assert.Equal(Now, Record(DeliveryState.Pending, claimedUntil: Now.AddSeconds(-1)).ActionableAt(Now));
        Assert.Equal(Now.AddSeconds(45), Record(DeliveryState.Pending, nextAttempt: Now.AddSeconds(45)).ActionableAt(Now));
    }
}

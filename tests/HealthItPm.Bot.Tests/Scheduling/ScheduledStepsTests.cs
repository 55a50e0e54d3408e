using Azure;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace HealthItPm.Bot.Tests.Scheduling;

/// <summary>One failing project must not stop the scheduled work of every other, nor the host.</summary>
public class ScheduledStepsTests
{
    [Fact]
    public async Task A_failing_item_is_skipped_and_the_others_still_run()
    {
        var done = new List<int>();

        await ScheduledSteps.RunEachAsync(
            [1, 2, 3],
            i => i == 2 ? throw new InvalidOperationException("damaged row") : Task.Run(() => done.Add(i)),
            i => $"item {i}",
            NullLogger.Instance,
            default);

        Assert.Equal([1, 3], done);
    }

    [Fact]
    public async Task Storage_being_down_ends_the_pass_for_the_next_tick_to_resume() =>
        await Assert.ThrowsAsync<RequestFailedException>(() => ScheduledSteps.RunEachAsync(
            [1, 2],
            _ => throw new RequestFailedException(503, "Service unavailable"),
            i => $"item {i}",
            NullLogger.Instance,
            default));

    [Fact]
    public async Task A_job_that_throws_leaves_the_host_running_and_the_other_jobs_run()
    {
        var broken = new Mock<IScheduledJob>();
        broken.Setup(j => j.RunAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("bug"));
        var healthy = new Mock<IScheduledJob>();
        var scheduler = new Scheduler([broken.Object, healthy.Object], Options.Create(new SchedulerOptions()), TimeProvider.System, NullLogger<Scheduler>.Instance);

        await scheduler.TickAsync(default);

        healthy.Verify(j => j.RunAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}

using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Storage;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>What does not change is read once; readers that miss together share that read; failures and absences are not kept.</summary>
public class KeptReadsTests
{
    private readonly KeptReads<string, string> _kept = new(2);
    private int _reads;

    private Func<Task<string?>> Read(Task<string?> result) => () =>
    {
        Interlocked.Increment(ref _reads);
        return result;
    };

    [Fact]
    public async Task Readers_that_miss_together_share_one_read_and_later_ones_read_nothing()
    {
        var stored = new TaskCompletionSource<string?>();
        var readers = Enumerable.Range(0, 30).Select(_ => _kept.GetAsync("round", Read(stored.Task), default)).ToList();

        stored.SetResult("Epic EHR go-live");

        Assert.All(await Task.WhenAll(readers), name => Assert.Equal("Epic EHR go-live", name));
        Assert.Equal("Epic EHR go-live", await _kept.GetAsync("round", Read(Task.FromResult<string?>("other")), default));
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task Nothing_found_is_read_again_next_time()
    {
        Assert.Null(await _kept.GetAsync("round", Read(Task.FromResult<string?>(null)), default));

        Assert.Equal("found", await _kept.GetAsync("round", Read(Task.FromResult<string?>("found")), default));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task A_failed_read_reaches_its_readers_and_is_tried_again_next_time()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => _kept.GetAsync("round", Read(Task.FromException<string?>(new TimeoutException())), default));

        Assert.Equal("found", await _kept.GetAsync("round", Read(Task.FromResult<string?>("found")), default));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task A_reader_that_gives_up_does_not_end_the_read_for_the_others()
    {
        var stored = new TaskCompletionSource<string?>();
        using var impatient = new CancellationTokenSource();
        var first = _kept.GetAsync("round", Read(stored.Task), impatient.Token);
        var second = _kept.GetAsync("round", Read(stored.Task), default);

        await impatient.CancelAsync();
        stored.SetResult("found");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("found", await second);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task When_full_it_starts_over()
    {
        foreach (var key in new[] { "a", "b", "c" })
        {
            await _kept.GetAsync(key, Read(Task.FromResult<string?>(key)), default);
        }

        await _kept.GetAsync("a", Read(Task.FromResult<string?>("a")), default);

        Assert.Equal(4, _reads);
    }
}

using System.Threading.Channels;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>
/// The host's one writer of the audit log, a group commit: a use case hands its entry over once its change is saved
/// and goes on, and the writer adds what it was handed every <see cref="FlushEvery"/>, in one entity-group transaction
/// per partition (a tenant's month) of up to 100 rows, each holding the entries of one project
/// (<see cref="AuditTable.Rows"/>). So an entry costs the change's request nothing.
/// <para>
/// What it keeps: an entry is written after its change is saved, never before. A host that stops normally writes
/// every entry it holds before it ends (entries handed over while it stops are written at once). A host killed
/// between the two loses the entries it held — those handed over since its last transaction began, the window plus
/// storage's time to answer — never a change. While storage does not answer, entries wait in memory and are tried again (up to
/// <see cref="MaxWaiting"/>, after which a use case waits for room), and are lost if the host is killed meanwhile.
/// A read of the log first writes what this host holds, so it shows this host's own changes.
/// </para>
/// </summary>
public sealed partial class AuditWriter(AuditTable table, ILogger<AuditWriter> logger) : IAuditLog, IHostedService, IAsyncDisposable
{
    /// <summary>How long entries gather before they are written together.</summary>
    public static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Entries held at most (a little over 1 MB); beyond, a use case waits until storage takes some.</summary>
    public const int MaxWaiting = 10_000;

    // What one pass takes at most, so a long wait for storage is written in passes, not all at once.
    private const int MaxPass = 2_000;
    private const int BatchesAtOnce = 4;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _giveUp = new();
    private readonly Lock _start = new();
    private Task? _loop;
    private volatile bool _stopping;

    public async Task AppendAsync(TenantId tenant, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Start();
        try
        {
            await _queue.Writer.WriteAsync(new Pending(tenant, entry, null), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The host is stopping and the writer has finished: written at once, as nobody else will.
            await table.AppendAsync(tenant, entry, cancellationToken);
        }
    }

    public async Task<AuditPage?> ReadAsync(TenantId tenant, AuditQuery query, int pageSize, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await table.ReadAsync(tenant, query, pageSize, cancellationToken);
    }

    /// <summary>Returns once every entry handed over before it was called is written (or given up).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Start();
        try
        {
            await _queue.Writer.WriteAsync(new Pending(default, null, written), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Stopped: everything handed over before was written by the last pass, and what comes after goes at once.
            await StoppedAsync();
            return;
        }

        await written.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes what it holds before the host ends. Should <paramref name="cancellationToken"/> end the wait (the host's
    /// shutdown time is up) while storage does not answer, what is still held is given up, and its count logged.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        using var giveUp = cancellationToken.Register(() => _giveUp.Cancel());
        await StoppedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await StopAsync(grace.Token);
        }

        _giveUp.Dispose();
    }

    private Task StoppedAsync()
    {
        lock (_start)
        {
            return _loop ?? Task.CompletedTask;
        }
    }

    private void Start()
    {
        lock (_start)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var pass = new List<Pending>(MaxPass);
        while (await reader.WaitToReadAsync())
        {
            if (!_stopping)
            {
                // The window the entries of one write gather in; a stopping host writes what it holds at once.
                await Task.Delay(FlushEvery);
            }

            pass.Clear();
            while (pass.Count < MaxPass && reader.TryRead(out var pending))
            {
                pass.Add(pending);
            }

            // Each row's key is made here, once: a batch tried again adds the same rows.
            var batches = pass.Where(p => p.Entry is not null)
                .GroupBy(p => p.Tenant)
                .SelectMany(tenant => AuditTable.Rows(tenant.Key, tenant.Select(p => p.Entry!)))
                .GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
                .SelectMany(partition => partition.Chunk(AuditTable.MaxBatch));
            await Parallel.ForEachAsync(
                batches, new ParallelOptions { MaxDegreeOfParallelism = BatchesAtOnce }, async (batch, _) => await WriteAsync(batch));
            foreach (var flush in pass.Select(p => p.Written).OfType<TaskCompletionSource>())
            {
                flush.TrySetResult();
            }
        }
    }

    /// <summary>One batch, tried again while storage does not answer, until the host gives up waiting as it stops.</summary>
    private async Task WriteAsync(TableEntity[] batch)
    {
        for (var pause = FirstRetry; ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestRetry.Ticks)))
        {
            try
            {
                // Not cancelled by anyone's request: the storage client's own time-outs end a try.
                await table.AddBatchAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception e) when (Unavailable(e) && !_giveUp.IsCancellationRequested)
            {
                LogWaiting(logger, e, batch.Sum(r => r.GetInt32("Count") ?? 0), pause);
                try
                {
                    await Task.Delay(pause, _giveUp.Token);
                }
                catch (OperationCanceledException)
                {
                    // The host's shutdown time is up: the next try is the last.
                }
            }
            catch (Exception e)
            {
                LogNotWritten(logger, e, batch.Sum(r => r.GetInt32("Count") ?? 0));
                return;
            }
        }
    }

    private static bool Unavailable(Exception e) => StorageFailure.IsUnavailable(e) || e is OperationCanceledException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries wait for storage; trying again in {Pause}")]
    private static partial void LogWaiting(ILogger logger, Exception exception, int count, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries could not be written and are lost")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, int count);

    /// <summary>An entry, or a request to be told when everything handed over before it is written.</summary>
    private readonly record struct Pending(TenantId Tenant, AuditEntry? Entry, TaskCompletionSource? Written);
}

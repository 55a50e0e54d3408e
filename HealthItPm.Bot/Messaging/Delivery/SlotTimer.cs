namespace HealthItPm.Bot.Messaging.Delivery;

/// <summary>
/// Wakes each waiting send at its slot from one dedicated thread, and the send goes on, on that thread,
/// until its HTTP call is under way. Woken by a timer and then queued behind the thread pool's other work
/// (hundreds of sends reading and writing storage), sends started tens of milliseconds late and in
/// bunches, and Teams counted some seconds over the rate.
/// </summary>
public sealed class SlotTimer : IDisposable
{
    private readonly PriorityQueue<TaskCompletionSource, DateTimeOffset> _waiting = new();
    private readonly Lock _gate = new();
    private readonly AutoResetEvent _earlier = new(false);
    private readonly TimeProvider _clock;
    private readonly Thread _thread;
    private volatile bool _stopped;

    public SlotTimer(TimeProvider clock)
    {
        _clock = clock;
        _thread = new Thread(Run) { IsBackground = true, Name = nameof(SlotTimer) };
        _thread.Start();
    }

    /// <summary>Completes at <paramref name="slot"/> (at once if it has passed), on the timer's thread.</summary>
    public Task At(DateTimeOffset slot, CancellationToken cancellationToken)
    {
        if (slot <= _clock.GetUtcNow())
        {
            return Task.CompletedTask;
        }

        // Continuations run on the thread that completes the task: the timer's, so the send starts at once.
        var due = new TaskCompletionSource();
        lock (_gate)
        {
            _waiting.Enqueue(due, slot);
            if (_waiting.TryPeek(out var first, out _) && first == due)
            {
                _earlier.Set();
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => due.TrySetCanceled(cancellationToken));
            due.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return due.Task;
    }

    public void Dispose()
    {
        _stopped = true;
        _earlier.Set();
        // A send woken by the timer runs on its thread, and may be the code that stops the host.
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _earlier.Dispose();
        lock (_gate)
        {
            while (_waiting.TryDequeue(out var due, out _))
            {
                due.TrySetCanceled();
            }
        }
    }

    private void Run()
    {
        while (!_stopped)
        {
            TaskCompletionSource? due = null;
            var wait = Timeout.InfiniteTimeSpan;
            lock (_gate)
            {
                if (_waiting.TryPeek(out _, out var slot))
                {
                    var left = slot - _clock.GetUtcNow();
                    if (left <= TimeSpan.Zero)
                    {
                        due = _waiting.Dequeue();
                    }
                    else
                    {
                        wait = left;
                    }
                }
            }

            if (due is not null)
            {
                due.TrySetResult();
            }
            else
            {
                _earlier.WaitOne(wait);
            }
        }
    }
}

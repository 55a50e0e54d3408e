using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// Replaces rows (an upsert) as a group commit. While a transaction of a partition is in flight, the rows other turns give
/// that partition wait and go together in the next one (at most <see cref="MostPerTransaction"/>, an entity-group
/// transaction's limit), so a wave of answers to a round costs storage a request per batch rather than per answer, and
/// no answer waits behind a queue of single writes. A lone row goes at once: nothing waits for a timer.
/// <para>
/// A call returns once its row is stored, as a single upsert's would: an answer is never acknowledged before it is saved,
/// and a host killed mid-way loses only writes nobody was told were saved. Two writes of one row in the same moment go in
/// successive transactions, in the order they were given (a transaction may not hold a row twice). A caller that gives up
/// while its row waits has nothing stored; one that gives up once its transaction has left may find it stored, as with a
/// single upsert. When storage refuses a transaction for one of its rows, each row is tried alone, so every caller hears
/// its own row's outcome, not a neighbour's; storage unavailable is every caller's outcome at once (their turns say so),
/// not tried again row by row, and the writes that waited behind the failed transaction hear it with its own: tried,
/// each would wait out storage's silence again.
/// </para>
/// <para>
/// The audit writer batches too, but after the fact (its entries are written behind the change, and a caller never waits
/// for them); this is for rows whose caller must know they are stored.
/// </para>
/// </summary>
public sealed class GroupCommit(StorageTables tables)
{
    public const int MostPerTransaction = 100;

    private readonly ConcurrentDictionary<(string Table, string Partition), Lane> _lanes = new();

    /// <summary>Stores <paramref name="row"/>, replacing the row of its keys if there is one; returns once it is stored.</summary>
    public Task ReplaceAsync(string tableName, TableEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var write = new Write(row, cancellationToken);
        while (true)
        {
            var key = (tableName, row.PartitionKey);
            var lane = _lanes.GetOrAdd(key, _ => new Lane());
            switch (lane.Add(write))
            {
                case Lane.Added.Waits:
                    return write.Stored.Task.WaitAsync(cancellationToken);
                case Lane.Added.Drains:
                    // The batches are nobody's turn: they run outside the caller's context (its trace, its scope).
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(() => DrainAsync(tableName, key, lane), CancellationToken.None);
                    }

                    return write.Stored.Task.WaitAsync(cancellationToken);
                default:
                    // The lane emptied and was retired as this write came: take the partition's next lane.
                    _lanes.TryRemove(new KeyValuePair<(string, string), Lane>(key, lane));
                    continue;
            }
        }
    }

    private async Task DrainAsync(string tableName, (string Table, string Partition) key, Lane lane)
    {
        try
        {
            while (lane.Take() is { Count: > 0 } batch)
            {
                if (await CommitAsync(tableName, batch) is { } unavailable)
                {
                    lane.FailWaiting(unavailable);
                }
            }
        }
        catch (Exception e)
        {
            // Never a lane left draining with nobody at it: its waiting writes would wait for ever.
            lane.Abandon(e);
        }

        _lanes.TryRemove(new KeyValuePair<(string, string), Lane>(key, lane));
    }

    /// <summary>Stores the batch, each write hearing its outcome; storage's failure to answer when the batch heard that.</summary>
    private async Task<Exception?> CommitAsync(string tableName, List<Write> batch)
    {
        if (batch.Count == 1)
        {
            return await ReplaceAloneAsync(tableName, batch[0]);
        }

        try
        {
            var actions = batch.Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, w.Row)).ToList();
            await tables.ExecuteAsync(tableName, t => t.SubmitTransactionAsync(actions, CancellationToken.None), CancellationToken.None);
        }
        catch (RequestFailedException e) when (!StorageFailure.IsUnavailable(e))
        {
            // One row storage refuses fails the whole transaction (a table made again since is met here too): each row alone.
            await Task.WhenAll(batch.Select(w => ReplaceAloneAsync(tableName, w)));
            return null;
        }
        catch (Exception e)
        {
            foreach (var write in batch)
            {
                write.Stored.TrySetException(e);
            }

            return StorageFailure.IsUnavailable(e) ? e : null;
        }

        foreach (var write in batch)
        {
            write.Stored.TrySetResult();
        }

        return null;
    }

    private async Task<Exception?> ReplaceAloneAsync(string tableName, Write write)
    {
        try
        {
            await tables.ExecuteAsync(
                tableName, t => t.UpsertEntityAsync(write.Row, TableUpdateMode.Replace, write.Cancellation), write.Cancellation);
            write.Stored.TrySetResult();
            return null;
        }
        catch (Exception e)
        {
            write.Stored.TrySetException(e);
            return StorageFailure.IsUnavailable(e) ? e : null;
        }
    }

    private sealed record Write(TableEntity Row, CancellationToken Cancellation)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The writes waiting for one partition, and whether a drain is taking them.</summary>
    private sealed class Lane
    {
        private readonly Queue<Write> _waiting = new();
        private bool _draining;
        private bool _retired;

        public enum Added
        {
            Waits,
            Drains,
            Retired,
        }

        public Added Add(Write write)
        {
            lock (_waiting)
            {
                if (_retired)
                {
                    return Added.Retired;
                }

                _waiting.Enqueue(write);
                if (_draining)
                {
                    return Added.Waits;
                }

                _draining = true;
                return Added.Drains;
            }
        }

        /// <summary>Fails every write still waiting and retires the lane.</summary>
        public void Abandon(Exception exception)
        {
            lock (_waiting)
            {
                FailWaiting(exception);
                _draining = false;
                _retired = true;
            }
        }

        /// <summary>Fails every write waiting now with <paramref name="failure"/> (one whose caller gave up, as cancelled).</summary>
        public void FailWaiting(Exception failure)
        {
            lock (_waiting)
            {
                while (_waiting.TryDequeue(out var write))
                {
                    if (write.Cancellation.IsCancellationRequested)
                    {
                        write.Stored.TrySetCanceled(write.Cancellation);
                    }
                    else
                    {
                        write.Stored.TrySetException(failure);
                    }
                }
            }
        }

        /// <summary>
        /// The next transaction's writes, in the order given, up to the first that repeats a row already in it; none when
        /// nothing waits (the lane then retires, and a write that comes after takes a new lane).
        /// </summary>
        public List<Write> Take()
        {
            var batch = new List<Write>();
            var rows = new HashSet<string>(StringComparer.Ordinal);
            lock (_waiting)
            {
                while (batch.Count < MostPerTransaction && _waiting.TryPeek(out var next))
                {
                    if (next.Cancellation.IsCancellationRequested)
                    {
                        _waiting.Dequeue().Stored.TrySetCanceled(next.Cancellation);
                        continue;
                    }

                    if (!rows.Add(next.Row.RowKey))
                    {
                        break;
                    }

                    batch.Add(_waiting.Dequeue());
                }

                if (batch.Count == 0)
                {
                    _draining = false;
                    _retired = true;
                }
            }

            return batch;
        }
    }
}

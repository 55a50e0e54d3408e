using System.Collections.Concurrent;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// Things that do not change once stored (a round; the project name a round's cards carry), kept in
/// memory after one read, a few at a time (the cache starts over when it fills up). Readers that miss at
/// the same moment share one read: at the start of a fan-out every send in flight misses at once, and each
/// would otherwise read and parse the same large document. A read that failed, or found nothing, is not kept.
/// </summary>
public sealed class KeptReads<TKey, TValue>(int capacity)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue?>>> _kept = new();

    /// <summary>
    /// The kept value, or the one read now. The read is shared, so it is not cancelled with any one
    /// reader; the storage client's own timeouts end it.
    /// </summary>
    public async Task<TValue?> GetAsync(TKey key, Func<Task<TValue?>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_kept.Count >= capacity && !_kept.ContainsKey(key))
        {
            _kept.Clear();
        }

        var entry = _kept.GetOrAdd(key, _ => new Lazy<Task<TValue?>>(read));
        TValue? value;
        try
        {
            value = await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _kept.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue?>>>(key, entry));
            throw;
        }

        if (value is null)
        {
            _kept.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue?>>>(key, entry));
        }

        return value;
    }
}

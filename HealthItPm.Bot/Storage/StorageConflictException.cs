namespace HealthItPm.Bot.Storage;

/// <summary>Another writer changed the row since it was read (the ETag no longer matches).</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException()
    {
    }
}

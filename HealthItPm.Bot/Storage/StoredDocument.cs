using System.Text.Json;
using Azure.Data.Tables;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// A document shape stored as JSON (a project, a risk, a concern, a round) and the version of that
/// shape. A document written by a newer version is refused; a shape that changes once documents are
/// stored takes a new version and reads the older one.
/// </summary>
public interface IStoredDocument<TSelf>
    where TSelf : IStoredDocument<TSelf>
{
    /// <summary>The shape's version this host writes and reads up to.</summary>
    static abstract int CurrentVersion { get; }

    /// <summary>The version of the shape the document was written in.</summary>
    int SchemaVersion { get; }
}

/// <summary>
/// Thrown when a document was written by a newer version of the bot, as during a rolling upgrade.
/// Reading it would drop what this version does not know, and saving it back would lose it for good,
/// so nothing is read from it and nothing is written over it.
/// </summary>
public sealed class NewerDocumentException : Exception
{
    public NewerDocumentException(string shape, int stored, int current)
        : base($"A {shape} document is in version {stored}; this host reads up to version {current}. Finish the upgrade of every bot host.")
    {
    }

    public NewerDocumentException()
    {
    }

    public NewerDocumentException(string message)
        : base(message)
    {
    }

    public NewerDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Reads and writes versioned documents across a row's JSON columns (<see cref="JsonColumns"/>).</summary>
public static class StoredDocument
{
    public static void Write<T>(TableEntity row, T document)
        where T : IStoredDocument<T> =>
        JsonColumns.Write(row, JsonSerializer.Serialize(document, JsonColumns.Documents));

    /// <summary>The row's document, or null when it holds none.</summary>
    public static T? Read<T>(TableEntity row)
        where T : class, IStoredDocument<T>
    {
        if (JsonColumns.Read(row) is not { } json)
        {
            return null;
        }

        var document = JsonSerializer.Deserialize<T>(json, JsonColumns.Documents)!;
        return document.SchemaVersion <= T.CurrentVersion
            ? document
            : throw new NewerDocumentException(
                typeof(T).Name.Replace("Document", string.Empty, StringComparison.Ordinal).ToLowerInvariant(),
                document.SchemaVersion,
                T.CurrentVersion);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// Stores a JSON document across string columns <c>Json0..JsonN</c>: a table string property holds at
/// most 32 K characters, and a state document or a conversation reference can grow past that.
/// <c>JsonParts</c> says how many columns are current, so a merge that shortens a document never
/// reads a stale tail.
/// </summary>
public static class JsonColumns
{
    /// <summary>
    /// How stored documents (projects, rounds, risks) are written:
    /// web casing, enums by name so stored data reads plainly.
    /// </summary>
    public static readonly JsonSerializerOptions Documents = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The most characters a stored document may hold. Azure counts a string at two bytes a character against its 1 MiB
    /// entity limit: 16 columns of 30,000 characters are 960,352 bytes, which leaves room for a row's keys and its other
    /// columns (a project's summary).
    /// </summary>
    public const int MostCharacters = MaxChunks * ChunkLength;

    private const int ChunkLength = 30_000;
    private const int MaxChunks = 16;
    private const string Prefix = "Json";
    private const string PartsColumn = "JsonParts";

    public static void Write(TableEntity entity, string json)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(json);
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A stored document may hold at most {MostCharacters} characters.");
        }

        entity[PartsColumn] = Math.Max(chunks, 1);
        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            var start = i * ChunkLength;
            entity[Name(i)] = json.Substring(start, Math.Min(ChunkLength, json.Length - start));
        }
    }

    public static string? Read(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetInt32(PartsColumn) is not { } parts)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, parts).Select(i => entity.GetString(Name(i))));
    }

    /// <summary>
    /// An entity's size as Azure Table storage counts it against its 1 MiB limit: 4 bytes, the keys at two bytes a
    /// character, and for each property 8 bytes, its name at two bytes a character and its value (a string 4 bytes plus
    /// two a character; an int 4; a long, double or date 8; a GUID 16; a bool 1; binary 4 plus its length).
    /// </summary>
    public static long AzureSize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + (2L * name.Length) + value switch
            {
                string text => 4 + (2L * text.Length),
                int => 4,
                long or double or DateTimeOffset or DateTime => 8,
                Guid => 16,
                bool => 1,
                byte[] bytes => 4 + bytes.Length,
                BinaryData data => 4 + data.ToMemory().Length,
                _ => throw new ArgumentException($"A column of type {value?.GetType().Name ?? "null"} is not stored here.", nameof(entity)),
            };
        }

        return size;
    }

    private static string Name(int index) => Prefix + index.ToString(CultureInfo.InvariantCulture);
}

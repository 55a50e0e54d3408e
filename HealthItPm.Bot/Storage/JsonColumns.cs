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
    /// <summary>How stored documents (projects, rounds, risks) are written: web casing, enums by name so stored data reads plainly.</summary>
    public static readonly JsonSerializerOptions Documents = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const int ChunkLength = 30_000;
    private const int MaxChunks = 20;
    private const string Prefix = "Json";
    private const string PartsColumn = "JsonParts";

    public static void Write(TableEntity entity, string json)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(json);
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A stored document may hold at most {MaxChunks * ChunkLength} characters.");
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

    private static string Name(int index) => Prefix + index.ToString(CultureInfo.InvariantCulture);
}

using Azure.Data.Tables;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Storage;

namespace HealthItPm.Bot.Tests.Storage;

public class TableKeysTests
{
    [Theory]
    [InlineData("msteams/conversations/a:1", "msteams%2Fconversations%2Fa:1")]
    [InlineData("a\\b#c?d%e", "a%5Cb%23c%3Fd%25e")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    public void Characters_tables_forbid_are_percent_encoded(string value, string escaped) =>
        Assert.Equal(escaped, TableKeys.Escape(value));

    [Fact]
    public void Different_ids_never_share_a_key()
    {
        Assert.NotEqual(TableKeys.Escape("a/b"), TableKeys.Escape("a%2Fb"));
    }

    [Fact]
    public void The_prefix_bound_is_just_past_every_key_with_the_prefix()
    {
        var bound = TableKeys.PrefixUpperBound("person|");

        Assert.True(string.CompareOrdinal("person|ffffffff", bound) < 0);
        Assert.True(string.CompareOrdinal("person}", bound) >= 0);
    }
}

public class JsonColumnsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(30_000)]
    [InlineData(30_001)]
    [InlineData(95_000)]
    public void A_document_reads_back_as_written(int length)
    {
        var json = new string('x', length);
        var entity = new TableEntity("p", "r");

        JsonColumns.Write(entity, json);

        Assert.Equal(json, JsonColumns.Read(entity));
        Assert.All(entity.Keys.Where(k => k.StartsWith("Json", StringComparison.Ordinal) && k != "JsonParts"), k => Assert.True(((string)entity[k]).Length <= 30_000));
    }

    [Fact]
    public void A_shorter_document_over_a_longer_one_ignores_the_stale_tail()
    {
        var entity = new TableEntity("p", "r");
        JsonColumns.Write(entity, new string('a', 70_000));

        JsonColumns.Write(entity, "{}");

        Assert.Equal("{}", JsonColumns.Read(entity));
    }

    [Fact]
    public void A_row_without_a_document_reads_as_none() => Assert.Null(JsonColumns.Read(new TableEntity("p", "r")));

    [Fact]
    public void A_document_past_the_row_limit_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => JsonColumns.Write(new TableEntity("p", "r"), new string('x', JsonColumns.MostCharacters + 1)));

    [Fact]
    public void The_largest_document_fits_azures_entity_limit_with_room_for_the_rows_other_columns()
    {
        var row = new TableEntity(new string('t', 36), "project|" + new string('C', 12));
        JsonColumns.Write(row, new string('x', JsonColumns.MostCharacters));

        // Room for the widest summary a project row carries beside its document (code, name, kind, phase, dates, zone).
        Assert.InRange(JsonColumns.AzureSize(row) + (32 * 1024), 0, 1024 * 1024);
    }

    [Fact]
    public void Azures_entity_size_counts_strings_at_two_bytes_a_character()
    {
        var row = new TableEntity("pk", "rk") { ["Name"] = "abc", ["Count"] = 1 };

        Assert.Equal(4 + 8 + (8 + 8 + 4 + 6) + (8 + 10 + 4), JsonColumns.AzureSize(row));
    }
}

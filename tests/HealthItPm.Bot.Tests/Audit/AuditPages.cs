using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Audit;

/// <summary>Paging through the audit log as the tests do: every page of a query from the table, the card's "Older entries" data.</summary>
internal static class AuditPages
{
    /// <summary>Every page of a query, each checked to be at most <paramref name="size"/> entries and full unless it is the last.</summary>
    public static async Task<List<AuditEntry>> AllPagesAsync(this AuditTable table, TenantId tenant, AuditQuery query, int size = 15)
    {
        var entries = new List<AuditEntry>();
        string? next = null;
        do
        {
            var page = await table.ReadAsync(tenant, query with { After = next }, size, default);
            Assert.NotNull(page);
            Assert.True(page.Entries.Count <= size);
            Assert.True(page.Next is null || page.Entries.Count == size);
            entries.AddRange(page.Entries);
            next = page.Next;
            Assert.True(entries.Count < 10_000, "The pages never end.");
        }
        while (next is not null);

        return entries;
    }

    /// <summary>The data of an audit card's "Older entries".</summary>
    public static JObject OlderEntriesData(JObject card) =>
        (JObject)card.Descendants().OfType<JObject>().First(o => (string?)o["verb"] == CardVerbs.AuditPage)["data"]!;
}

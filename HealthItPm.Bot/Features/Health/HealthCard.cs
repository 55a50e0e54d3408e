using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Domain.Delivery;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Health;

/// <summary>
/// The pipeline as it stands, for admins: live hosts, the queue and its oldest message, the last hour's sends by
/// state and Teams' throttling, and the poison queue with its newest items' kinds and reasons. Counts, kinds and
/// reasons only: no person, no subject, nothing anyone typed.
/// </summary>
public static class HealthCard
{
    /// <summary>Past this, the oldest card ready to send is late (the templates alert at the same age).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(10);

    private static readonly DeliveryState[] States =
        [DeliveryState.Sent, DeliveryState.Unreachable, DeliveryState.NotDelivered, DeliveryState.NotNeeded];

    private static TextResource Texts => HealthTexts.Cards;

    public static JObject Build(PipelineSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Title")),
            CardElements.Text(Texts.Markdown("ReadAt", now.UtcDateTime.ToString("t", CultureInfo.CurrentCulture)), subtle: true),
        };
        body.AddRange(Warnings(snapshot).Select(w => CardElements.Warning(Texts.Markdown(w))));
        body.Add(CardElements.Facts(
        [
            (Texts["LiveHosts"], Number(snapshot.LiveHosts)),
            (Texts["Waiting"], Number(snapshot.QueueDepth)),
            (Texts["Oldest"], snapshot.OldestAge is { } age ? CardFormat.Ago(age) : Texts["Oldest_None"]),
            (Texts["Poison"], Number(snapshot.PoisonDepth)),
        ]));
        body.Add(CardElements.Text(Texts.Markdown("QueueNote"), subtle: true));
        body.Add(CardElements.Section(Texts.Markdown("LastHour")));
        body.Add(CardElements.Facts(
            States.Select(s => (Texts[$"State_{s}"], Number(snapshot.LastHour.GetValueOrDefault(s.ToString()))))
                .Append((Texts["Throttled"], Throttling(snapshot.LastHour)))));
        if (snapshot.NewestPoison.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("NewestPoison")));
            body.AddRange(snapshot.NewestPoison.Select(p => CardElements.Event(
                p.AddedAt ?? now, Texts.Format("PoisonItem", p.Work?.Kind ?? Texts["Kind_Unreadable"], Reason(p.Reason)))));
        }

        return new AdaptiveCard(body, [CardElements.Execute(Texts["Refresh"], CardVerbs.RefreshHealth, CardElements.Data())]).ToJObject();
    }

    /// <summary>What needs an operator now, most urgent first (each also an alert in the templates).</summary>
    public static IReadOnlyList<string> Warnings(PipelineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var warnings = new List<string>();
        if (snapshot.LiveHosts == 0)
        {
            warnings.Add("Warning_NoHost");
        }

        if (snapshot.OldestAge > LateAfter)
        {
            warnings.Add("Warning_Late");
        }

        if (snapshot.PoisonDepth > 0)
        {
            warnings.Add("Warning_Poison");
        }

        return warnings;
    }

    private static string Throttling(IReadOnlyDictionary<string, long> lastHour) =>
        lastHour.GetValueOrDefault(PipelineStats.ThrottledKey) is var count and > 0
            ? Texts.Format("Throttled_Count", count, lastHour.GetValueOrDefault(PipelineStats.LongestRetryAfterKey))
            : Texts["Throttled_None"];

    private static string Reason(string? reason) =>
        reason is not null && (Enum.TryParse<DeliveryFailure>(reason, out _) || reason == PoisonReasons.Unreadable)
            ? Texts[$"Reason_{reason}"]
            : Texts["Reason_Unknown"];

    private static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}

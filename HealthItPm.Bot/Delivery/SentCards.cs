using System.Globalization;
using Azure.Data.Tables;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Delivery;

/// <summary>What a card shows that may change under it (a risk, a round), so the cards that show it can be found again.</summary>
public readonly record struct CardSubject(ProjectCode Project, string Subject)
{
    public static CardSubject Risk(RiskId id) => new(id.Project, $"risk|{id}");

    public static CardSubject Round(ProjectCode project, string roundId) => new(project, $"round|{roundId}");

    public static CardSubject Concern(ProjectCode project, int number) =>
        new(project, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"concern|{number}"));
}

/// <summary>A card the pipeline sent and Teams took: its work (to compose it again) and the message it became.</summary>
public sealed record SentCard(DeliveryWork Work, string ConversationId, string ActivityId);

/// <summary>
/// The cards the pipeline sent that show a <see cref="CardSubject"/>, with the message each became in its chat, so a card
/// can be updated in place after what it shows changed (patient details removed). Table <c>SentCards</c>: PK
/// <c>{tenant}|{CODE}</c>, RK <c>{subject}|{kind}|{delivery subject}|{recipient}</c>, escaped; columns the work's kind,
/// subject, recipient and detail (ids only, as on the queue), the conversation id and the activity id.
/// </summary>
public sealed class SentCardTable(StorageTables tables)
{
    public const string Name = "SentCards";

    public Task KeepAsync(
        DeliveryWork work, CardSubject shows, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var row = new TableEntity(Partition(work.TenantId, shows.Project), RowKey(shows, work))
        {
            ["Kind"] = work.Kind,
            ["Subject"] = work.Subject,
            ["Recipient"] = work.Recipient,
            ["Detail"] = work.Detail,
            ["ConversationId"] = conversationId,
            ["ActivityId"] = activityId,
        };
        return tables.ExecuteAsync(Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<SentCard>> ShowingAsync(TenantId tenant, CardSubject shows, CancellationToken cancellationToken) =>
        tables.QueryAsync(
            Name,
            StorageTables.PrefixFilter(Partition(tenant, shows.Project), TableKeys.Escape(shows.Subject) + "|"),
            row => new SentCard(
                new DeliveryWork(
                    row.GetString("Kind"), tenant.Value, row.GetString("Subject"), row.GetString("Recipient"), 0, row.GetString("Detail")),
                row.GetString("ConversationId"),
                row.GetString("ActivityId")),
            cancellationToken);

    private static string Partition(TenantId tenant, ProjectCode project) => TableKeys.Escape($"{tenant.Value}|{project.Value}");

    private static string RowKey(CardSubject shows, DeliveryWork work) =>
        string.Join('|', new[] { shows.Subject, work.Kind, work.Subject, work.Recipient ?? string.Empty }.Select(TableKeys.Escape));
}

/// <summary>
/// Updates in place the cards the pipeline sent that show a subject, composed again from what is stored now in each
/// recipient's culture (UpdateActivity through the connector, in each card's own chat). A card whose kind no longer
/// composes one (the round or risk is gone, a respondent's card whose answer held no removed text) is left as it is.
/// </summary>
public sealed partial class SentCardUpdater(
    SentCardTable sent,
    IEnumerable<DeliveryKind> kinds,
    CloudAdapter adapter,
    ConversationReferenceTable references,
    IOptions<BotAuthenticationOptions> authentication,
    ILogger<SentCardUpdater> logger)
{
    private readonly Dictionary<string, DeliveryKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    /// <summary>
    /// How many cards were updated through the connector; the card acted on (<paramref name="clicked"/>, its message's id) is
    /// left to the invoke's answer, which replaces it, and is not counted.
    /// </summary>
    public async Task<int> UpdateAsync(TenantId tenant, CardSubject shows, string? clicked, CancellationToken cancellationToken)
    {
        var updated = 0;
        foreach (var card in await sent.ShowingAsync(tenant, shows, cancellationToken))
        {
            if (card.ActivityId == clicked
                || !_kinds.TryGetValue(card.Work.Kind, out var kind)
                || await references.GetAsync(tenant, ConversationReferenceTable.PersonKey(card.Work.RecipientId!.Value), cancellationToken)
                    is not { } stored
                || await ComposeAsync(kind, card, stored, cancellationToken) is not { } activity)
            {
                continue;
            }

            var reference = stored.Reference;
            reference.Conversation = new ConversationAccount(id: card.ConversationId, tenantId: tenant.Value);
            try
            {
                await adapter.ContinueConversationAsync(
                    authentication.Value.MicrosoftAppId ?? string.Empty,
                    reference,
                    (turn, token) => turn.UpdateActivityAsync(activity, token),
                    cancellationToken);
                updated++;
            }
            catch (Microsoft.Bot.Schema.ErrorResponseException e)
            {
                // The chat may be gone (the app removed): the stored copies are redacted whatever Teams still shows there.
                LogUpdateFailed(logger, card.Work.Kind, (int?)e.Response?.StatusCode);
            }
        }

        return updated;
    }

    private static async Task<Activity?> ComposeAsync(
        DeliveryKind kind, SentCard card, StoredConversation stored, CancellationToken cancellationToken)
    {
        var culture = ReaderCulture.Of(stored.Locale);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        if (await kind.ComposeAgainAsync(card.Work, cancellationToken) is not Composition.Card { Activity: Activity activity })
        {
            return null;
        }

        activity.Id = card.ActivityId;
        activity.Conversation = new ConversationAccount(id: card.ConversationId);
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating a sent {Kind} card answered {StatusCode}; left as it is")]
    private static partial void LogUpdateFailed(ILogger logger, string kind, int? statusCode);
}

using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// Writes the ids that name a person or a tenant in the form <see cref="PersonId"/> and <see cref="TenantId"/>
/// give them (a GUID, lower case, with hyphens), once, where they enter: before the tenant filter, the
/// per-person rate limit and everything else reads them. The same Azure AD object id upper-case, in braces or
/// without hyphens is the same person to the domain; keyed raw, the rate limit counted each writing as
/// another person, and a spent burst could be renewed by re-writing the id. Ids that are not GUIDs are left
/// as they are (the domain refuses them where it needs them).
/// </summary>
public sealed class CanonicalIdsMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        Canonicalize(turnContext.Activity);
        return next(cancellationToken);
    }

    public static void Canonicalize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var account in new[] { activity.From, activity.Recipient }
            .Concat(activity.MembersAdded ?? [])
            .Concat(activity.MembersRemoved ?? []))
        {
            if (account is not null && PersonId.TryParse(account.AadObjectId, out var person))
            {
                account.AadObjectId = person.Value;
            }
        }

        if (activity.Conversation is { } conversation && TenantId.TryParse(conversation.TenantId, out var tenant))
        {
            conversation.TenantId = tenant.Value;
        }
        else if (activity.Conversation is { } blank && string.IsNullOrWhiteSpace(blank.TenantId))
        {
            // A blank tenant states none: every reader then takes the channel data's, as the tenant filter does.
            blank.TenantId = null;
        }

        if (activity.ChannelData is JObject channelData && channelData["tenant"]?["id"] is JValue { Type: JTokenType.String } id
            && TenantId.TryParse((string?)id, out var stated))
        {
            id.Value = stated.Value;
        }
    }
}

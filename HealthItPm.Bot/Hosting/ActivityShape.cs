using System.Net;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// The shape an activity needs before the adapter runs a turn with it, checked once at the door of
/// <c>/api/messages</c>. The Bot Framework reads any JSON object as an activity; one without a recipient,
/// a conversation or a sender, with channel data that is not Teams' channel data (a tenant, team or channel that is
/// not an object), a mention whose person is not one, an event whose value is not an object, a null among its entities,
/// attachments or members, or a service URL that is not the connector's then fails inside the turn —
/// an error in the log and, for a message, an apology sent to whatever the activity names. Every
/// Teams activity has this shape, so nothing Teams sends is refused.
/// </summary>
internal static class ActivityShape
{
    /// <summary>
    /// Reads the buffered body as the adapter will (its own serializer) and puts the stream back where it
    /// was; the first part that is missing or malformed (a JSON name, never a value), or null when none is.
    /// </summary>
    public static string? Problem(Stream body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Activity? activity;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(body, leaveOpen: true));
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return "json";
        }
        finally
        {
            body.Position = 0;
        }

        return activity switch
        {
            null => "json",
            { Type: null or "" } => "type",
            _ when !IsConnectorUrl(activity.ServiceUrl) => "serviceUrl",
            { Conversation.Id: null or "" } or { Conversation: null } => "conversation",
            { From: null } => "from",
            { Recipient: null } => "recipient",
            { ChannelData: not null and not JObject } => "channelData",
            _ when !Reads<TeamsChannelData>(activity.ChannelData) => "channelData",
            _ when activity.Entities?.Any(e => e?.Type == "mention" && !Reads<Mention>(e.Properties)) == true => "entities",
            { Type: ActivityTypes.Event, Value: not null and not JObject } => "value",
            _ when HasNull(activity.Entities) => "entities",
            _ when HasNull(activity.Attachments) => "attachments",
            _ when HasNull(activity.MembersAdded) => "membersAdded",
            _ when HasNull(activity.MembersRemoved) => "membersRemoved",
            _ when HasNull(activity.ReactionsAdded) => "reactionsAdded",
            _ when HasNull(activity.ReactionsRemoved) => "reactionsRemoved",
            _ => null,
        };
    }

    /// <summary>
    /// Where replies go: an absolute HTTPS URL without credentials, or plain HTTP on loopback (the Agents
    /// Playground and local connectors). Teams' service URLs are always HTTPS.
    /// </summary>
    public static bool IsConnectorUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
        && url.UserInfo.Length == 0
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)));

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // What the Teams activity handler and the bot read the part as, with the adapter's serializer: a tenant, team or
    // channel that is a string, or a mention whose person is a number, would otherwise fail inside the turn.
    private static bool Reads<T>(object? part)
    {
        if (part is not JObject json)
        {
            return true;
        }

        try
        {
            json.ToObject<T>(HttpHelper.BotMessageSerializer);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool HasNull<T>(IList<T>? items)
        where T : class => items?.Any(item => item is null) ?? false;
}

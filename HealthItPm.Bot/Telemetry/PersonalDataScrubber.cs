using System.Diagnostics;
using OpenTelemetry;

namespace HealthItPm.Bot.Telemetry;

/// <summary>
/// What a span carries out of the host holds no person: storage addresses name a table's keys (tenant and object
/// ids) and the connector's name a conversation, so every address is cut to its host and first two path segments
/// (<c>devstoreaccount1/Projects</c>, <c>v3/conversations</c>), queries are dropped, and an error's description
/// (an exception's message may quote a request or what was typed) leaves with its status only.
/// </summary>
public sealed class PersonalDataScrubber : BaseProcessor<Activity>
{
    private const int KeptSegments = 2;

    private static readonly string[] Addresses = ["url.full", "http.url"];
    private static readonly string[] Paths = ["url.path", "http.target"];
    private static readonly string[] Dropped = ["url.query", "db.statement", "db.query.text", "messaging.message.id", "enduser.id"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var key in Addresses)
        {
            if (data.GetTagItem(key) is string address)
            {
                data.SetTag(key, Address(address));
            }
        }

        foreach (var key in Paths)
        {
            if (data.GetTagItem(key) is string path)
            {
                data.SetTag(key, Path(path));
            }
        }

        foreach (var key in Dropped)
        {
            if (data.GetTagItem(key) is not null)
            {
                data.SetTag(key, null);
            }
        }

        if (data.Status == ActivityStatusCode.Error && data.StatusDescription is not null)
        {
            data.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>Scheme, host and port, and the first segments of the path that are names rather than ids.</summary>
    public static string Address(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority) + Path(uri.AbsolutePath)
            : "{address}";

    public static string Path(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var end = path.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? path : path[..end]).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', segments.Take(KeptSegments).Select(Segment));
    }

    // A table's name before its keys ("Projects(PartitionKey='…')"); anything not a plain name is an id.
    private static string Segment(string segment)
    {
        var name = segment.Split('(')[0];
        return name.Length is > 0 and <= 63
            && char.IsAsciiLetter(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && !Guid.TryParse(name, out _)
                ? name
                : "{id}";
    }
}

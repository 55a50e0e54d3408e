using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// What <c>/api/messages</c> checks before the Bot Framework reads anything: the shape of the
/// <c>Authorization</c> header (when authentication is on) and the body's size. Without it the
/// adapter buffers and parses whatever arrives — up to Kestrel's 30 MB — before it looks at the token.
/// </summary>
internal static class MessagesRequestGate
{
    // A Bot Connector token is 1–2 KB; anything longer is not one.
    private const int MaxAuthorizationLength = 8 * 1024;
    private const string Bearer = "Bearer ";

    /// <summary>One <c>Bearer</c> header holding three base64url segments (the signature may be empty: it is checked later).</summary>
    public static bool HasBearerTokenShape(StringValues authorization)
    {
        if (authorization.Count != 1 || authorization[0] is not { } value
            || value.Length > MaxAuthorizationLength || !value.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return false;
        }

        var token = value.AsSpan(Bearer.Length);
        var dots = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return dots == 2 && token.IndexOf('.') > 0 && token.IndexOf('.') + 1 < token.LastIndexOf('.');
    }

    /// <summary>
    /// Reads the body into memory if it is at most <paramref name="maxBytes"/> long, and puts the copy
    /// back as the request body for the adapter; false (nothing more read) when it is longer.
    /// </summary>
    public static async Task<bool> TryBufferBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return false;
        }

        var copy = new MemoryStream((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes));
        request.HttpContext.Response.RegisterForDispose(copy);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (copy.Length + read > maxBytes)
                {
                    return false;
                }

                copy.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        copy.Position = 0;
        request.Body = copy;
        return true;
    }
}

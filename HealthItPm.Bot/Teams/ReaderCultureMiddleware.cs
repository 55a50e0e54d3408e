using System.Globalization;
using HealthItPm.Bot.Cards;
using Microsoft.Bot.Builder;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// Runs the turn in the culture of the person who sent the activity (its locale; en-US without one),
/// as ASP.NET Core's request localization does for a request: texts read from resources, numbers,
/// dates and sorting are theirs. The turn's own flow keeps it; the caller's culture is untouched.
/// </summary>
public sealed class ReaderCultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        return InCultureAsync(ReaderCulture.Of(turnContext.Activity.Locale), next, cancellationToken);
    }

    private static async Task InCultureAsync(CultureInfo culture, NextDelegate next, CancellationToken cancellationToken)
    {
        // Set inside an async method: the change flows into the rest of the turn and is undone when it returns.
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        await next(cancellationToken);
    }
}

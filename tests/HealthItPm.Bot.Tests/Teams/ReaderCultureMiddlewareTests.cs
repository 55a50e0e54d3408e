using System.Globalization;
using HealthItPm.Bot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Moq;

namespace HealthItPm.Bot.Tests.Teams;

/// <summary>A turn runs in the culture of the locale its activity carries, and leaves the caller's as it was.</summary>
public class ReaderCultureMiddlewareTests
{
    [Theory]
    [InlineData("de-DE", "de-DE")]
    [InlineData("fr-CA", "fr-CA")]
    [InlineData(null, "en-US")]
    [InlineData("not a locale", "en-US")]
    public async Task The_turn_runs_in_the_readers_culture(string? locale, string expected)
    {
        var turn = new Mock<ITurnContext>();
        turn.Setup(t => t.Activity).Returns(new Activity(ActivityTypes.Message) { Locale = locale });
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (string Culture, string UiCulture)? seen = null;

        await new ReaderCultureMiddleware().OnTurnAsync(turn.Object, _ =>
        {
            seen = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
            return Task.CompletedTask;
        });

        Assert.Equal((expected, expected), seen);
        Assert.Equal(before, (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture));
    }
}

using System.Globalization;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>Runs a test's body in a reader's culture, as a turn does, and restores the culture after.</summary>
internal sealed class InCulture : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo UiCulture) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public InCulture(string locale) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(locale), CultureInfo.GetCultureInfo(locale));

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
}

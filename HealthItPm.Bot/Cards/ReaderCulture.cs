using System.Globalization;

namespace HealthItPm.Bot.Cards;

/// <summary>The culture a reader's texts, numbers and dates are written for: the locale Teams sends with their activity.</summary>
public static class ReaderCulture
{
    public static CultureInfo Default { get; } = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The culture of a locale as Teams sent it (e.g. "en-US"); none, or one .NET does not know, reads as en-US.</summary>
    public static CultureInfo Of(string? locale)
    {
        try
        {
            return string.IsNullOrWhiteSpace(locale) ? Default : CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return Default;
        }
    }
}

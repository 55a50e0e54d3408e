using System.Globalization;
using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// Amounts as a reader sees them: the hospital's currency on every amount, digits grouped the way the
/// reader's locale groups them ("$2,400,000" in en-US, "2.400.000 €" in de-DE for a euro hospital). A
/// currency that is not the reader's own is written with its code ("USD 2.400.000"), never with a
/// symbol that could mean another dollar.
/// </summary>
public sealed record MoneyFormat(Currency Currency, CultureInfo Culture)
{
    public static MoneyFormat Default { get; } = new(Currency.Usd, ReaderCulture.Default);

    /// <summary>The reader's locale as Teams sent it (e.g. "en-US"); an unknown one reads as en-US.</summary>
    public static MoneyFormat For(Currency currency, string? locale) => new(currency, ReaderCulture.Of(locale));

    /// <summary>The reader's decimal separator, to read an amount like "2,400" as they mean it.</summary>
    public char DecimalSeparator => Culture.NumberFormat.NumberDecimalSeparator is [var c] ? c : '.';

    public string Format(decimal amount)
    {
        var decimals = decimal.Round(amount) == amount ? 0 : 2;
        if (IsReadersOwnCurrency())
        {
            return amount.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
        }

        return $"{Currency.Code}\u00a0{amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture)}";
    }

    private bool IsReadersOwnCurrency()
    {
        if (Culture.IsNeutralCulture || Culture.Name.Length == 0)
        {
            return false;
        }

        try
        {
            return new RegionInfo(Culture.Name).ISOCurrencySymbol == Currency.Code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

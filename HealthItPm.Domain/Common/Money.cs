using System.Globalization;
using System.Text;

namespace HealthItPm.Domain.Common;

/// <summary>An ISO 4217 currency code (USD, EUR, GBP, CAD…): the hospital's, in which every amount is kept.</summary>
public readonly record struct Currency
{
    public Currency(string code)
    {
        var trimmed = code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (trimmed.Length != 3 || !trimmed.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException(Problem.NotACurrency(trimmed));
        }

        Code = trimmed;
    }

    public static Currency Usd { get; } = new("USD");

    public string Code { get; }

    public override string ToString() => Code;
}

/// <summary>
/// Reads an amount of money as people type it: "$2,400,000", "2.4M", "2,400,000.50", "USD 950k",
/// "2.400.000,50", "2 400 000". Symbols and the currency code are allowed when they are the
/// hospital's currency; k, M and B (or bn) multiply by a thousand, a million, a billion. A separator
/// that could be either ("2,400" or "2.400") is read as the reader's locale reads it.
/// </summary>
public static class MoneyAmount
{
    // Symbols people type for the currencies a hospital may keep its budget in.
    private static readonly Dictionary<char, string[]> Symbols = new()
    {
        ['$'] = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"],
        ['€'] = ["EUR"],
        ['£'] = ["GBP"],
        ['¥'] = ["JPY", "CNY"],
        ['₹'] = ["INR"],
        ['₣'] = ["CHF"],
    };

    private static readonly (string Suffix, decimal Factor)[] Multipliers =
        [("bn", 1_000_000_000m), ("b", 1_000_000_000m), ("mn", 1_000_000m), ("m", 1_000_000m), ("k", 1_000m)];

    /// <param name="text">What the person typed.</param>
    /// <param name="currency">The hospital's currency; a symbol or code of another is refused.</param>
    /// <param name="decimalSeparator">The reader's decimal separator ('.' or ','), for an amount like "2,400" that could be read either
    /// way.</param>
    /// <param name="amount">The amount, when it could be read.</param>
    /// <param name="problem">Otherwise what to change, for the message beside the field.</param>
    public static bool TryParse(string? text, Currency currency, char decimalSeparator, out decimal amount, out Problem? problem)
    {
        amount = 0;
        problem = null;
        var typed = text?.Trim() ?? string.Empty;
        if (typed.Length == 0)
        {
            problem = Problem.AmountMissing();
            return false;
        }

        var rest = typed;
        if (rest.StartsWith(currency.Code, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[3..];
        }
        else if (rest.EndsWith(currency.Code, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[..^3];
        }

        var kept = new StringBuilder();
        foreach (var c in rest)
        {
            if (char.IsWhiteSpace(c) || c is '\u00a0' or '\u202f' or '\'')
            {
                continue;
            }

            if (char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                if (!Symbols.TryGetValue(c, out var codes) || !codes.Contains(currency.Code))
                {
                    problem = Problem.AmountInOtherCurrency(currency.Code, c.ToString());
                    return false;
                }

                continue;
            }

            kept.Append(c);
        }

        var number = kept.ToString();
        if (number.StartsWith('-') || number.StartsWith('('))
        {
            problem = Problem.AmountNegative();
            return false;
        }

        var factor = 1m;
        foreach (var (suffix, multiplier) in Multipliers)
        {
            if (number.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && number.Length > suffix.Length)
            {
                number = number[..^suffix.Length];
                factor = multiplier;
                break;
            }
        }

        if (number.Length == 0 || number.Any(c => !char.IsAsciiDigit(c) && c is not ',' and not '.'))
        {
            problem = Problem.NotAnAmount(Shorten(typed), currency.Code);
            return false;
        }

        if (!TryNormalise(number, decimalSeparator, out var invariant)
            || !decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problem = Problem.AmountSeparatorsOdd(Shorten(typed));
            return false;
        }

        try
        {
            amount = value * factor;
        }
        catch (OverflowException)
        {
            problem = Problem.AmountTooLarge(Shorten(typed));
            return false;
        }

        if (decimal.Round(amount, 2) != amount)
        {
            problem = Problem.AmountTooManyDecimals(Shorten(typed));
            return false;
        }

        return true;
    }

    // Separators to an invariant number: the last separator is the decimal point when both kinds occur;
    // one kind occurring more than once groups thousands; one occurrence before exactly three digits
    // is read as the reader's locale reads it; any other single occurrence is the decimal point.
    private static bool TryNormalise(string number, char decimalSeparator, out string invariant)
    {
        invariant = number;
        var commas = number.Count(c => c == ',');
        var dots = number.Count(c => c == '.');
        if (commas == 0 && dots == 0)
        {
            return true;
        }

        char? point;
        char? group;
        if (commas > 0 && dots > 0)
        {
            point = number.LastIndexOf(',') > number.LastIndexOf('.') ? ',' : '.';
            group = point == ',' ? '.' : ',';
            if (number.Count(c => c == point) > 1)
            {
                return false;
            }
        }
        else
        {
            var separator = commas > 0 ? ',' : '.';
            var count = Math.Max(commas, dots);
            var digitsAfter = number.Length - number.LastIndexOf(separator) - 1;
            var isGroup = count > 1 || (digitsAfter == 3 && separator != decimalSeparator);
            (point, group) = isGroup ? ((char?)null, (char?)separator) : ((char?)separator, (char?)null);
        }

        var parts = number.Split(point ?? '\0');
        var whole = parts[0];
        if (group is { } g)
        {
            var groups = whole.Split(g);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(x => x.Length != 3))
            {
                return false;
            }

            whole = string.Concat(groups);
        }

        invariant = parts.Length > 1 ? $"{whole}.{parts[1]}" : whole;
        return whole.Length > 0 && (parts.Length == 1 || parts[1].Length > 0);
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}

using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Cards.Forms;

/// <summary>
/// People picked from a list that Teams searches as the person types: it asks the bot for
/// <see cref="Dataset"/> through an <c>application/search</c> invoke, so a hospital with thousands of
/// staff needs no list of thousands in the card, and <see cref="Offered"/> are listed before any
/// typing. Without a dataset (a client that cannot search) the offered people are tick boxes, or a
/// dropdown when there are many. Values are <see cref="PersonChoice"/>s.
/// </summary>
public sealed record PeopleField(string Id, string Label, bool Required, IReadOnlyList<(string Title, string Value)> Offered, string? Dataset, bool MultiSelect = true)
    : FormField(Id, Label, Required)
{
    /// <summary>The most people offered before typing when the client searches: the card stays small whoever is in the team.</summary>
    public const int MaxOffered = 30;

    /// <summary>The most people listed when the client cannot search.</summary>
    public const int MaxListed = 200;

    /// <summary>A list longer than this is a dropdown rather than tick boxes.</summary>
    public const int MaxTickBoxes = 10;

    /// <summary>The most people one field takes at once.</summary>
    public const int MaxPicked = 500;
}

/// <summary>
/// A person as a choice's value: the object id's 16 bytes in URL-safe base64 (22 characters instead of
/// 36), so that picking hundreds of people fits in what a card sends back. The plain object id is
/// read too: cards already in people's chats carry it.
/// </summary>
public static class PersonChoice
{
    public const int Length = 22;

    public static string Value(PersonId person) =>
        Convert.ToBase64String(Guid.Parse(person.Value).ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryRead(string value, out PersonId person)
    {
        if (PersonId.TryParse(value, out person))
        {
            return true;
        }

        if (value is not { Length: Length } || value.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            return false;
        }

        var bytes = Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/') + "==");
        person = new PersonId(new Guid(bytes).ToString("D"));
        return true;
    }
}

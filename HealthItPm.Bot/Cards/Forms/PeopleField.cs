using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Cards.Forms;

/// <summary>
/// People picked from a list that Teams searches as the person types: it asks the bot for
/// <see cref="Dataset"/> through an <c>application/search</c> invoke, so a hospital with thousands of
/// staff needs no list of thousands in the card, and <see cref="Offered"/> are listed before any
/// typing. Without a dataset (a client that cannot search) the offered people are tick boxes, or a
/// dropdown when there are many or one person is picked. Values are <see cref="PersonChoice"/>s.
/// </summary>
public sealed record PeopleField(
    string Id,
    string Label,
    bool Required,
    IReadOnlyList<(string Title, string Value)> Offered,
    string? Dataset,
    bool MultiSelect = true)
    : FormField(Id, Label, Required)
{
    /// <summary>The most people offered before typing when the client searches: the card stays small whoever is in the team.</summary>
    public const int MaxOffered = 30;

    /// <summary>The most people listed when the client cannot search.</summary>
    public const int MaxListed = 200;

    /// <summary>A list (of several to pick) longer than this is a dropdown rather than tick boxes.</summary>
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

    /// <summary>The people a multi-select sends back (comma-separated values); values that are not a person are left out.</summary>
    public static IEnumerable<PersonId> ReadAll(string values) =>
        values.Split(',').Select(v => TryRead(v, out var person) ? person : (PersonId?)null).OfType<PersonId>();
}

/// <summary>
/// Pickers of a project's people (a risk's owner, who to take off, the escalation chain): Teams searches
/// them through the bot by a dataset naming the project, so a go-live with 500 people on it still sends
/// a small card. Whoever searches must be allowed to see the project.
/// </summary>
public static class ProjectPeople
{
    private const string Prefix = "project.";
    private const string MembersSuffix = ".members";
    private const string LeadersSuffix = ".leaders";

    public static string Dataset(ProjectCode code, bool leadersOnly) => Prefix + code.Value + (leadersOnly ? LeadersSuffix : MembersSuffix);

    public static bool TryRead(string? dataset, out ProjectCode code, out bool leadersOnly)
    {
        code = default;
        leadersOnly = dataset?.EndsWith(LeadersSuffix, StringComparison.Ordinal) == true;
        var suffix = leadersOnly ? LeadersSuffix : MembersSuffix;
        return dataset is not null && dataset.Length > Prefix.Length + suffix.Length
            && dataset.StartsWith(Prefix, StringComparison.Ordinal) && dataset.EndsWith(suffix, StringComparison.Ordinal)
            && ProjectCode.TryParse(dataset[Prefix.Length..^suffix.Length], out code);
    }

    /// <summary>
    /// A picker of <paramref name="people"/> of <paramref name="code"/> (in the order given: whom it should
    /// show first leads): with <paramref name="search"/>, the first <see cref="PeopleField.MaxOffered"/>
    /// listed and the rest found by typing; without, up to <see cref="PeopleField.MaxListed"/> listed.
    /// </summary>
    public static PeopleField Field(
        string id,
        string label,
        bool required,
        ProjectCode code,
        bool leadersOnly,
        IEnumerable<(string Name, PersonId Person)> people,
        bool search) =>
        new(id, label, required,
            [.. people.Take(search ? PeopleField.MaxOffered : PeopleField.MaxListed).Select(p => (p.Name, PersonChoice.Value(p.Person)))],
            search ? Dataset(code, leadersOnly) : null,
            MultiSelect: false);
}

using System.Text.RegularExpressions;

namespace HealthItPm.Domain.Privacy;

/// <summary>
/// What the bot knows about the people and the organisation around a text, so that staff are not
/// mistaken for patients: the names of the project team (and any roster the bot knows) and the
/// e-mail and web domains of the hospital and its vendors. Names are compared by given name and
/// surname, ignoring case, middle initials and titles; a domain covers its subdomains.
/// </summary>
public sealed class PhiContext
{
    // One parsed pattern for every name: Regex.Replace(string, pattern, ...) parses its replacement on every call.
    private static readonly Regex Parenthesised = new(@"\([^)]*\)", RegexOptions.None, TimeSpan.FromMilliseconds(100));

    private readonly HashSet<string> fullNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> surnames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> givenNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> givenBySurname = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] domains;

    public PhiContext(IEnumerable<string>? staffNames = null, IEnumerable<string>? staffDomains = null)
    {
        foreach (var name in staffNames ?? [])
        {
            var parts = NameParts(name);
            if (parts.Count == 0)
            {
                continue;
            }

            // "Shah, Priya" on a roster is Priya Shah.
            if (parts.Count >= 2 && NameParts(name.Split(',')[0]).Count == 1)
            {
                parts = [.. parts.Skip(1), parts[0]];
            }

            surnames.Add(parts[^1]);
            if (parts.Count >= 2)
            {
                givenNames.Add(parts[0]);
                fullNames.Add(parts[0] + " " + parts[^1]);
                if (!givenBySurname.TryGetValue(parts[^1], out var given))
                {
                    givenBySurname[parts[^1]] = given = [];
                }

                given.Add(parts[0]);
            }

            // "Ana Lucia Ferreira" is also called by her first two names, "Ana Lucia".
            if (parts.Count >= 3)
            {
                fullNames.Add(parts[0] + " " + parts[1]);
            }
        }

        domains = [.. (staffDomains ?? []).Select(d => d.Trim().TrimStart('@').TrimEnd('.').ToUpperInvariant()).Where(d => d.Length > 0)];
    }

    /// <summary>No roster and no staff domains: every name shape and every address counts.</summary>
    public static PhiContext None { get; } = new();

    // "Nate Brightman" is Nathaniel Brightman on the roster, "Kate Lindqvist" Katherine: the surname and a short form of the given name.
    internal bool IsStaff(string given, string surname) =>
        fullNames.Contains(given + " " + surname)
            || (given.Length >= 3 && givenBySurname.TryGetValue(surname, out var rostered)
                && rostered.Any(r => r.Length >= 3 && string.Compare(r, 0, given, 0, 3, StringComparison.OrdinalIgnoreCase) == 0));

    internal bool IsStaffSurname(string surname) => surnames.Contains(surname);

    internal bool IsStaffGivenName(string given) => givenNames.Contains(given);

    // "instagram.com/bigskyregional" when the organisation's domain is bigskyregional.example: its own account.
    internal bool IsStaffHandle(string handle)
    {
        var name = handle.TrimStart('@').ToUpperInvariant();
        return name.Length >= 4 && domains.Any(d => d.Split('.')[0] == name);
    }

    internal bool IsStaffDomain(string host)
    {
        var upper = host.TrimEnd('.').ToUpperInvariant();
        return domains.Any(d => upper == d || upper.EndsWith("." + d, StringComparison.Ordinal));
    }

    // Words of the name without titles, initials or credentials: "Dr. Priya K. Shah, RN" and "Nina Patel (RN)" -> given name, surname.
    private static List<string> NameParts(string name) =>
        [.. Parenthesised.Replace(name, " ")
            .Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim('.'))
            .Where(p => p.Length > 1 && !NameLexicon.IsTitleOrCredential(p))];
}

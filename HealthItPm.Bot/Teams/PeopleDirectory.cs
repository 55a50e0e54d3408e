using System.Collections.Concurrent;
using System.Globalization;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Teams;

/// <summary>The colleagues the bot knows in a tenant, listed and searched by name.</summary>
public interface IPeopleDirectory
{
    Task<IReadOnlyList<RosterMember>> ListAsync(TenantId tenant, CancellationToken cancellationToken);

    Task<IReadOnlyList<RosterMember>> SearchAsync(TenantId tenant, string? typed, int skip, int top, CancellationToken cancellationToken);
}

/// <summary>
/// The colleagues the bot knows in a tenant: everyone with a 1:1 chat with it and everyone it met in
/// the roster of a team or group chat it is in. What people pickers offer and search beyond the
/// conversation's own members, so that a PM in their personal chat can add the ward's nurses.
/// A search runs every few keystrokes: the list is read again when this host wrote to it (someone
/// new wrote to the bot, or was met in a roster) or after a minute (another host did).
/// </summary>
public sealed class PeopleDirectory(ConversationReferenceTable references, TimeProvider clock) : IPeopleDirectory
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    // With each person, the words of their name as a search compares them: a search runs per keystroke over everyone.
    private readonly ConcurrentDictionary<
        string,
        (IReadOnlyList<(RosterMember Person, string[] Words)> People, DateTimeOffset ReadAt, long Writes)> _kept = new();

    /// <summary>Everyone known: those who use the app first, each group by name.</summary>
    public async Task<IReadOnlyList<RosterMember>> ListAsync(TenantId tenant, CancellationToken cancellationToken) =>
        [.. (await KnownAsync(tenant, cancellationToken)).Select(p => p.Person)];

    private async Task<IReadOnlyList<(RosterMember Person, string[] Words)>> KnownAsync(
        TenantId tenant, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var writes = references.WritesTo(tenant);
        if (_kept.TryGetValue(tenant.Value, out var kept) && now - kept.ReadAt < KeptFor && kept.Writes == writes)
        {
            return kept.People;
        }

        var chats = (await references.ListPeopleAsync(tenant, cancellationToken))
            .Where(p => PersonId.TryParse(p.Reference.User?.AadObjectId, out _) && !string.IsNullOrWhiteSpace(p.Reference.User!.Name))
            .Select(p => new RosterMember(
                new PersonId(p.Reference.User!.AadObjectId), p.TeamsUserId ?? p.Reference.User!.Id, p.Reference.User!.Name, UsesApp: true));
        var rosters = (await references.ListRoutesAsync(tenant, cancellationToken))
            .Where(r => !string.IsNullOrWhiteSpace(r.Name))
            .Select(r => new RosterMember(r.Person, r.TeamsUserId, r.Name!));
        IReadOnlyList<(RosterMember, string[])> people =
        [
            .. chats.Concat(rosters)
                .DistinctBy(m => m.Person)
                .OrderByDescending(m => m.UsesApp)
                .ThenBy(m => m.Name, StringComparer.CurrentCulture)
                .Select(m => (m, NameSearch.Words(m.Name))),
        ];
        _kept[tenant.Value] = (people, now, writes);
        return people;
    }

    /// <summary>
    /// The people whose name has a word starting with each word typed ("ni pa" finds Nina Patel),
    /// ignoring case and accents, by name.
    /// </summary>
    public async Task<IReadOnlyList<RosterMember>> SearchAsync(
        TenantId tenant, string? typed, int skip, int top, CancellationToken cancellationToken)
    {
        var words = NameSearch.Words(typed ?? string.Empty);
        return [.. (await KnownAsync(tenant, cancellationToken))
            .Where(p => NameSearch.Matches(p.Words, words))
            .Select(p => p.Person)
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(top, 1, 50))];
    }
}

/// <summary>
/// How a search matches a name: each word typed starts a word of
/// the name ("ni pa" finds Nina Patel), case and accents ignored.
/// </summary>
public static class NameSearch
{
    public static string[] Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = new string([.. text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')]);
        return plain.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static bool Matches(IReadOnlyList<string> name, IReadOnlyList<string> typed) =>
        typed.All(w => name.Any(n => n.StartsWith(w, StringComparison.Ordinal)));
}

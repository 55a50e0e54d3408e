using System.Collections.Concurrent;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// Someone in the conversation's roster (a team's members, or a chat's), or a colleague the bot knows;
/// <c>UsesApp</c>: they have a 1:1 chat with the bot, so they are offered before people only met in a roster.
/// </summary>
public sealed record RosterMember(PersonId Person, string TeamsUserId, string Name, bool UsesApp = false);

/// <summary>The people of the conversation a turn comes from, as Teams lists them.</summary>
public interface IRoster
{
    Task<IReadOnlyList<RosterMember>> ReadAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation's own members only (up to <see cref="TeamsRoster.MaxMembers"/>), without the colleagues the bot knows elsewhere.
    /// </summary>
    Task<IReadOnlyList<RosterMember>> MembersAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>The bot joined a team or group chat: its members become people PMs can find from anywhere.</summary>
    Task MeetAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>Keeps, for people picked from a team's or group chat's roster, the way to open a 1:1 chat with them later.</summary>
    Task RememberRoutesAsync(ITurnContext turn, IEnumerable<RosterMember> people, CancellationToken cancellationToken);
}

/// <summary>
/// The people a form can offer: the conversation's members, read page by page, and the colleagues
/// the bot knows at this hospital (<see cref="PeopleDirectory"/>: a 1:1 chat's roster is only the
/// person in it). Up to <see cref="MaxMembers"/>; anyone else is found by typing their name. The whole
/// roster of a team or group chat — thousands in a hospital team — is read once, page by page, when the
/// bot joins it (or when a form first reads it on this host, for one joined before), and its members are
/// remembered, so anyone in it can be found from anywhere.
/// </summary>
public sealed partial class TeamsRoster(
    ConversationReferenceTable references,
    IPeopleDirectory directory,
    ILogger<TeamsRoster> logger) : IRoster
{
    public const int MaxMembers = 200;
    private const int PageSize = 100;

    // Teams' largest page: the fewest calls to read a roster of thousands.
    private const int WholeRosterPageSize = 500;

    // The teams and group chats whose whole roster this host has read.
    private readonly ConcurrentDictionary<string, bool> _met = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<RosterMember>> ReadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (members, more) = await MembersAsync(turn, PageSize, MaxMembers, null, cancellationToken);
        if (TenantId.TryParse(ActivityTenant.Of(turn.Activity), out var tenant))
        {
            await RememberRoutesAsync(turn, members, cancellationToken);
            if (more is not null && turn.Activity.Conversation?.Id is { } conversation && _met.TryAdd(conversation, true))
            {
                // The rest of a large roster, once, so that everyone in it can be found by typing.
                await RememberRoutesAsync(
                    turn,
                    (await MembersAsync(turn, WholeRosterPageSize, int.MaxValue, more, cancellationToken)).Members,
                    cancellationToken);
            }

            members.AddRange(await directory.ListAsync(tenant, cancellationToken));
        }

        return members.DistinctBy(m => m.Person).Take(MaxMembers).ToList();
    }

    public async Task<IReadOnlyList<RosterMember>> MembersAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (members, _) = await MembersAsync(turn, PageSize, MaxMembers, null, cancellationToken);
        return [.. members.DistinctBy(m => m.Person).Take(MaxMembers)];
    }

    /// <summary>
    /// The conversation's members page by page from <paramref name="continuation"/> (null: the first page), until
    /// <paramref name="most"/> are read or the roster ends; with where the next page starts, if it does not.
    /// </summary>
    private static async Task<(List<RosterMember> Members, string? More)> MembersAsync(
        ITurnContext turn, int pageSize, int most, string? continuation, CancellationToken cancellationToken)
    {
        var members = new List<RosterMember>();
        do
        {
            var page = await TeamsInfo.GetPagedMembersAsync(turn, pageSize, continuation, cancellationToken);
            members.AddRange(page.Members
                .Where(m => PersonId.TryParse(m.AadObjectId, out _) && m.Id != turn.Activity.Recipient?.Id)
                .Select(m => new RosterMember(
                    new PersonId(m.AadObjectId), m.Id, string.IsNullOrWhiteSpace(m.Name) ? m.Email ?? m.Id : m.Name)));
            continuation = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (continuation is not null && members.Count < most);

        return (members, continuation);
    }

    /// <summary>
    /// The bot was added to a team or group chat: its members become people the PMs can find.
    /// Best effort: a roster Teams does not give now is read again the next time a form needs it.
    /// </summary>
    public async Task MeetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            await RememberRoutesAsync(
                turn, (await MembersAsync(turn, WholeRosterPageSize, int.MaxValue, null, cancellationToken)).Members, cancellationToken);
            if (turn.Activity.Conversation?.Id is { } conversation)
            {
                _met[conversation] = true;
            }
        }
        catch (Exception e) when (e is Microsoft.Bot.Schema.ErrorResponseException or HttpRequestException)
        {
            LogRosterUnavailable(logger, e, turn.Activity.Conversation?.ConversationType);
        }
    }

    public async Task RememberRoutesAsync(ITurnContext turn, IEnumerable<RosterMember> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(people);
        if (turn.Activity.Conversation is not { ConversationType: "channel" or "groupChat", Id: { } conversation }
            || !TenantId.TryParse(ActivityTenant.Of(turn.Activity), out var tenant))
        {
            return;
        }

        await Parallel.ForEachAsync(
            people,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (person, token) =>
                await references.SaveRouteAsync(tenant, person.Person, conversation, person.TeamsUserId, person.Name, token));
    }

    /// <summary>The Teams user ids @mentioned in a message, other than the bot.</summary>
    public static IReadOnlySet<string> Mentioned(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Entities?
            .Where(e => e.Type == "mention")
            .Select(e => e.GetAs<Mention>().Mentioned?.Id)
            .Where(id => id is not null && id != activity.Recipient?.Id)
            .Select(id => id!)
            .ToHashSet(StringComparer.Ordinal) ?? [];
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not read the roster of a {ConversationType} the bot was added to; it is read again when a form needs it")]
    private static partial void LogRosterUnavailable(ILogger logger, Exception exception, string? conversationType);
}

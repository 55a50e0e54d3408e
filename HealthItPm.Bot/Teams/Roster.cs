using HealthItPm.Domain.Common;
using HealthItPm.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Teams;

/// <summary>Someone in the conversation's roster (a team's members, or a chat's).</summary>
public sealed record RosterMember(PersonId Person, string TeamsUserId, string Name);

/// <summary>The people of the conversation a turn comes from, as Teams lists them.</summary>
public interface IRoster
{
    Task<IReadOnlyList<RosterMember>> ReadAsync(ITurnContext turn, CancellationToken cancellationToken);

    /// <summary>Keeps, for people picked from a team's or group chat's roster, the way to open a 1:1 chat with them later.</summary>
    Task RememberRoutesAsync(ITurnContext turn, IEnumerable<RosterMember> people, CancellationToken cancellationToken);
}

/// <summary>
/// The people a form can offer: the conversation's members, read page by page, and the colleagues
/// who already use HealthItPm at this hospital (a 1:1 chat's roster is only the person in it). Up to
/// <see cref="MaxMembers"/>: a card listing more would be too large for Teams, and @mentions cover anyone beyond.
/// </summary>
public sealed class TeamsRoster(ConversationReferenceTable references) : IRoster
{
    public const int MaxMembers = 200;
    private const int PageSize = 100;

    public async Task<IReadOnlyList<RosterMember>> ReadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var members = new List<RosterMember>();
        string? continuation = null;
        do
        {
            var page = await TeamsInfo.GetPagedMembersAsync(turn, PageSize, continuation, cancellationToken);
            members.AddRange(page.Members
                .Where(m => PersonId.TryParse(m.AadObjectId, out _) && m.Id != turn.Activity.Recipient?.Id)
                .Select(m => new RosterMember(new PersonId(m.AadObjectId), m.Id, string.IsNullOrWhiteSpace(m.Name) ? m.Email ?? m.Id : m.Name)));
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && members.Count < MaxMembers);

        if (TenantId.TryParse(ActivityTenant.Of(turn.Activity), out var tenant))
        {
            members.AddRange((await references.ListPeopleAsync(tenant, cancellationToken))
                .Where(p => PersonId.TryParse(p.Reference.User?.AadObjectId, out _) && !string.IsNullOrWhiteSpace(p.Reference.User!.Name))
                .Select(p => new RosterMember(new PersonId(p.Reference.User!.AadObjectId), p.TeamsUserId ?? p.Reference.User!.Id, p.Reference.User!.Name)));
        }

        return members.DistinctBy(m => m.Person).Take(MaxMembers).ToList();
    }

    public async Task RememberRoutesAsync(ITurnContext turn, IEnumerable<RosterMember> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(people);
        if (turn.Activity.Conversation is not { ConversationType: "channel" or "groupChat", Id: { } conversation } || !TenantId.TryParse(ActivityTenant.Of(turn.Activity), out var tenant))
        {
            return;
        }

        foreach (var person in people)
        {
            await references.SaveRouteAsync(tenant, person.Person, conversation, person.TeamsUserId, cancellationToken);
        }
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
}

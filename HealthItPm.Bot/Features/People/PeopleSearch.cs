using System.Globalization;
using System.Numerics;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.People;

/// <summary>
/// Answers Teams' typeahead in people pickers (<see cref="PeopleField"/>): an <c>application/search</c>
/// invoke for <see cref="Dataset"/> gets up to 15 colleagues whose name matches what the person typed
/// (at least <see cref="MinTyped"/> letters) — among everyone the bot knows in the caller's tenant for
/// someone who may add stakeholders on a project (the only form that searches it), among the people of
/// the conversation they are in for anyone else. One for a project's people (<see cref="ProjectPeople"/>)
/// gets its members or leaders, if the caller may see the project (else nobody: the same answer as a
/// project without a match). Either pages at most <see cref="MostPaged"/> deep: a search answers what
/// a query asks for, it does not list a directory.
/// </summary>
public sealed class PeopleSearch(
    IPeopleDirectory directory,
    IRoster roster,
    ProjectService projects,
    IProjectRepository projectList,
    AccessPolicy access) : IInvokeAnswer
{
    public const string InvokeName = "application/search";

    public const string Dataset = "people";

    string IInvokeAnswer.InvokeName => InvokeName;

    /// <summary>
    /// The fewest letters or digits a search of <see cref="Dataset"/> needs in one of its words. Before any typing the picker
    /// shows the people the card lists (the conversation's members): Teams asks the bot only for more.
    /// </summary>
    public const int MinTyped = 2;

    /// <summary>How deep a search pages: three pages of 15. Someone further down is found by typing more of their name.</summary>
    public const int MostPaged = 3 * MostResults;

    // Teams shows at most 15 options in the dropdown.
    private const int MostResults = 15;

    public async Task<InvokeResponse> AnswerAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var query = turn.Activity.Value as JObject;
        var dataset = query?["dataset"]?.Type == JTokenType.String ? (string?)query["dataset"] : null;
        var typed = query?["queryText"]?.Type == JTokenType.String ? (string?)query["queryText"] : null;
        var options = query?["queryOptions"] as JObject;
        var skip = Paging(options?["skip"], 0);
        var top = Math.Min(Math.Clamp(Paging(options?["top"], MostResults), 1, MostResults), MostPaged - Math.Min(skip, MostPaged));
        IEnumerable<(string Name, PersonId Person)> found = [];
        if (top == 0)
        {
            // Past the last page: nothing more to show.
        }
        else if (dataset == Dataset && Caller.Of(turn) is { } searcher)
        {
            found = await PeopleAsync(turn, searcher, typed ?? string.Empty, skip, top, cancellationToken);
        }
        else if (ProjectPeople.TryRead(dataset, out var code, out var leadersOnly) && Caller.Of(turn) is { } caller
            && await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken)
                is Outcome<Project>.Done { Value: var project })
        {
            var words = NameSearch.Words(typed ?? string.Empty);
            found = project.Members
                .Where(m => (!leadersOnly || m.Role == ProjectRole.Leader) && NameSearch.Matches(NameSearch.Words(m.DisplayName), words))
                .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
                .Skip(skip)
                .Take(top)
                .Select(m => (m.DisplayName, m.Person));
        }

        var results = new JArray(found.Select(p => new JObject { ["title"] = p.Name, ["value"] = PersonChoice.Value(p.Person) }));

        return new InvokeResponse
        {
            Status = StatusCodes.Status200OK,
            Body = new JObject
            {
                ["type"] = "application/vnd.microsoft.search.searchResponse",
                ["value"] = new JObject { ["results"] = results },
            },
        };
    }

    private async Task<IEnumerable<(string Name, PersonId Person)>> PeopleAsync(
        ITurnContext turn, Caller caller, string typed, int skip, int top, CancellationToken cancellationToken)
    {
        var words = NameSearch.Words(typed);
        // In one word: "a a" or "a-a" asks for no more than "a" does.
        if (words.Length == 0 || words.Max(w => w.Length) < MinTyped)
        {
            return [];
        }

        if (await AddsStakeholdersAsync(caller, cancellationToken))
        {
            return (await directory.SearchAsync(caller.Tenant, typed, skip, top, cancellationToken)).Select(m => (m.Name, m.Person));
        }

        return (await roster.MembersAsync(turn, cancellationToken))
            .Where(m => NameSearch.Matches(NameSearch.Words(m.Name), words))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .Skip(skip)
            .Take(top)
            .Select(m => (m.Name, m.Person));
    }

    // From the access table and the caller's role on each of their projects (one read per search): the
    // table gives adding stakeholders by role, so neither escalation chains nor risks need reading.
    private async Task<bool> AddsStakeholdersAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (access.IsAdmin(caller.Person))
        {
            return true;
        }

        var roles = (await projectList.ListForPersonAsync(caller.Tenant, caller.Person, cancellationToken)).Where(p => p.Role is not null);
        return access.CanOnAny(
            caller.Person, ProjectAction.ManageStakeholders, roles.Select(p => new Standing(false, false, p.Role, false, false))).Allowed;
    }

    // A paging number as sent: negative reads as 0, and one beyond an int (a forged 2^63) as the largest int.
    private static int Paging(JToken? token, int fallback) => token is JValue { Type: JTokenType.Integer, Value: var value }
        ? value is BigInteger big
            ? (big.Sign < 0 ? 0 : int.MaxValue)
            : (int)Math.Clamp(Convert.ToInt64(value, CultureInfo.InvariantCulture), 0, int.MaxValue)
        : fallback;
}

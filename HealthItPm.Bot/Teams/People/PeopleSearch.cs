using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.People;

/// <summary>
/// Answers Teams' typeahead in people pickers (<see cref="PeopleField"/>): an <c>application/search</c>
/// invoke for <see cref="Dataset"/> with what the person typed gets up to 15 matching colleagues
/// the bot knows in the caller's tenant (the tenant filter has admitted the caller by then); one for a
/// project's people (<see cref="ProjectPeople"/>) gets its members or leaders, if the caller may see the
/// project (else nobody: the same answer as a project without a match).
/// </summary>
public sealed class PeopleSearch(IPeopleDirectory directory, ProjectService projects)
{
    public const string InvokeName = "application/search";
    public const string Dataset = "people";

    // Teams shows at most 15 options in the dropdown.
    private const int MostResults = 15;

    public async Task<InvokeResponse> AnswerAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var query = turn.Activity.Value as JObject;
        var dataset = query?["dataset"]?.Type == JTokenType.String ? (string?)query["dataset"] : null;
        var typed = query?["queryText"]?.Type == JTokenType.String ? (string?)query["queryText"] : null;
        var options = query?["queryOptions"] as JObject;
        var skip = Math.Max(0, options?["skip"]?.Type == JTokenType.Integer ? (int)options["skip"]! : 0);
        var top = Math.Clamp(options?["top"]?.Type == JTokenType.Integer ? (int)options["top"]! : MostResults, 1, MostResults);
        IEnumerable<(string Name, PersonId Person)> found = [];
        if (dataset == Dataset && TenantId.TryParse(ActivityTenant.Of(turn.Activity), out var tenant))
        {
            found = (await directory.SearchAsync(tenant, typed, skip, top, cancellationToken)).Select(m => (m.Name, m.Person));
        }
        else if (ProjectPeople.TryRead(dataset, out var code, out var leadersOnly) && Caller.Of(turn) is { } caller
            && await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken) is Outcome<Project>.Done { Value: var project })
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
}

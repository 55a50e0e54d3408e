using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.People;

/// <summary>
/// Answers Teams' typeahead in people pickers (<see cref="PeopleField"/>): an <c>application/search</c>
/// invoke for <see cref="Dataset"/> with what the person typed gets up to 15 matching colleagues
/// the bot knows in the caller's tenant (the tenant filter has admitted the caller by then).
/// </summary>
public sealed class PeopleSearch(IPeopleDirectory directory)
{
    public const string InvokeName = "application/search";
    public const string Dataset = "people";

    // Teams shows at most 15 options in the dropdown.
    private const int MostResults = 15;

    public async Task<InvokeResponse> AnswerAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var query = turn.Activity.Value as JObject;
        var results = new JArray();
        if (query?["dataset"]?.Type == JTokenType.String && (string?)query["dataset"] == Dataset && TenantId.TryParse(ActivityTenant.Of(turn.Activity), out var tenant))
        {
            var typed = query["queryText"]?.Type == JTokenType.String ? (string?)query["queryText"] : null;
            var options = query["queryOptions"] as JObject;
            var skip = options?["skip"]?.Type == JTokenType.Integer ? (int)options["skip"]! : 0;
            var top = options?["top"]?.Type == JTokenType.Integer ? (int)options["top"]! : MostResults;
            foreach (var person in await directory.SearchAsync(tenant, typed, skip, Math.Min(top, MostResults), cancellationToken))
            {
                results.Add(new JObject { ["title"] = person.Name, ["value"] = PersonChoice.Value(person.Person) });
            }
        }

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

using Microsoft.Bot.Builder;

namespace HealthItPm.Bot.Teams;

/// <summary>A feature's answer to one kind of invoke other than a card action (e.g. a typeahead search), found by its name.</summary>
public interface IInvokeAnswer
{
    string InvokeName { get; }

    Task<InvokeResponse> AnswerAsync(ITurnContext turn, CancellationToken cancellationToken);
}

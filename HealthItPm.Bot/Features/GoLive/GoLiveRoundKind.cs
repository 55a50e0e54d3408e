using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// The panel's go/no-go vote in the bot: the vote card and the answered card, the decision card, stored columns, words,
/// and the go-live help topic (every <c>golive</c> command, their help in GoLiveCards.resx).
/// </summary>
public sealed class GoLiveRoundKind : RoundKindDescriptor<GoLiveVote, GoLiveTally, VoteChoice?>
{
    public const string Submit = "golive.vote";
    public const string Change = "golive.change";

    private static TextResource Texts => GoLiveTexts.Cards;

    public override RoundKind<GoLiveVote, GoLiveTally> Kind => GoLiveRounds.Kind;

    /// <summary>The go-live help topic: every <c>golive</c> command, the attestations' too.</summary>
    public static HelpTopic Topic { get; } = new("golive", () => Texts["Help_Topic"], ["golive"]) { Help = Texts };

    public override HelpTopic HelpTopic => Topic;

    public override string SubmitVerb => Submit;

    public override string ChangeVerb => Change;

    public override string RoundInput => GoLiveVoteCard.RoundInput;

    public override IReadOnlyDictionary<FreeText, string> FreeTextInputs { get; } = new Dictionary<FreeText, string>
    {
        [GoLiveRounds.Conditions] = GoLiveVoteCard.ConditionsInput,
        [GoLiveRounds.Reason] = GoLiveVoteCard.ReasonInput,
    };

    public override string NotFoundTitle => Texts["Round_NotFound_Title"];

    public override string NotYours => Texts["Round_NotYours"];

    public override string ClosedTitle => Texts["Round_Closed_Title"];

    public override AnswerColumns<GoLiveVote> Columns { get; } = new GoLiveVoteColumns();

    internal override TextResource Words => Texts;

    public override (RoundEntry<VoteChoice?> Entry, IReadOnlyList<string> Problems) Read(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var choice = Named<VoteChoice>(data[GoLiveVoteCard.ChoiceInput]);
        var text = new Dictionary<FreeText, string>();
        foreach (var (field, input) in FreeTextInputs)
        {
            if (data[input] is JValue { Type: JTokenType.String } typed && !string.IsNullOrWhiteSpace((string?)typed))
            {
                text[field] = (string)typed!;
            }
        }

        return (new RoundEntry<VoteChoice?>(choice, text), choice is null ? [Texts["Problem_NoChoice"]] : []);
    }

    /// <summary>
    /// The value a card's choice sends: exactly one of the names it offers. Enum.TryParse alone also takes numbers and lists
    /// ("Go, NoGo" is NoGo), values no card offers.
    /// </summary>
    internal static TEnum? Named<TEnum>(JToken? token)
        where TEnum : struct, Enum =>
        token is JValue { Type: JTokenType.String, Value: string name } && Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal)
            ? Enum.Parse<TEnum>(name)
            : null;

    public override RoundEntry<VoteChoice?> EntryOf(GoLiveVote answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new Dictionary<FreeText, string>();
        if (answer.Conditions is { } conditions)
        {
            text[GoLiveRounds.Conditions] = conditions.Value;
        }

        if (answer.Reason is { } reason)
        {
            text[GoLiveRounds.Reason] = reason.Value;
        }

        return new(answer.Choice, text);
    }

    public override GoLiveVote Answer(VoteChoice? choices, Func<FreeText, GuardedText?> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GoLiveVote.Create(choices!.Value, text(GoLiveRounds.Conditions), text(GoLiveRounds.Reason));
    }

    public override JObject Card(Round round, string projectName, RoundCardView<VoteChoice?> view)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(view);
        return GoLiveVoteCard.Build(new GoLiveVoteModel(
            round.Project.Value,
            projectName,
            round.Id,
            round.ClosesAt,
            VotePanel.Parse(round.Name),
            view.Reminder,
            view.Entry?.Choices,
            view.Entry?.TextOf(GoLiveRounds.Conditions),
            view.Entry?.TextOf(GoLiveRounds.Reason),
            view.Problems,
            view.PhiFound,
            view.Refused));
    }

    public override JObject Answered(Round round, GoLiveVote answer, bool open)
    {
        ArgumentNullException.ThrowIfNull(round);
        return GoLiveVoteCard.Answered(round.Project.Value, round.Id, answer, round.ClosesAt, open);
    }

    public override async Task<JObject> EndOfRoundAsync(
        IServiceProvider services, TenantId tenant, Round round, ProjectHeading project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(project);
        var record = await services.GetRequiredService<GoLiveVotes>().RecordAsync(tenant, round, cancellationToken);
        return GoLiveVoteCard.Result(round.Project.Value, project.Name, record);
    }
}

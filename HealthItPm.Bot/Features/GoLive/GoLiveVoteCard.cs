using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.GoLive;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// A go/no-go vote card: the scorecard the vote was opened on (recommendation, blockers, conditions, open critical
/// items), the three choices, the conditions and the reason; what was entered and what needs changing when it comes back.
/// </summary>
public sealed record GoLiveVoteModel(
    string ProjectCode,
    string ProjectName,
    string RoundId,
    DateTimeOffset ClosesAt,
    VotePanel? Panel,
    bool Reminder = false,
    VoteChoice? Choice = null,
    string? Conditions = null,
    string? Reason = null,
    IReadOnlyList<string>? Problems = null,
    string? PhiFound = null,
    string? Refused = null);

/// <summary>The vote card, the voter's answered card, and the decision card the PMs get when the vote ends.</summary>
public static class GoLiveVoteCard
{
    public const string ChoiceInput = "choice";
    public const string ConditionsInput = "conditions";
    public const string ReasonInput = "reason";
    public const string RoundInput = "round";

    private static TextResource Texts => GoLiveTexts.Cards;

    public static JObject Build(GoLiveVoteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown(model.Reminder ? "Vote_Title_Reminder" : "Vote_Title", model.ProjectCode)),
            CardElements.Text(
                Texts.Markdown("Vote_Line", model.ProjectName, Markdown.When(model.ClosesAt)), subtle: true, spacing: Spacing.None),
            CardElements.Text(Texts.Markdown("Vote_Named"), subtle: true, spacing: Spacing.None),
        };
        if (model.Panel is { } panel)
        {
            body.Add(CardElements.Badge(
                Markdown.Literal(ScorecardCard.RecommendationText(panel.Recommendation)),
                ScorecardCard.SeverityOf(panel.Recommendation)));
            body.Add(CardElements.Text(Summary(panel), spacing: Spacing.None));
        }

        if (model.Problems is { Count: > 0 } problems)
        {
            body.Add(CardElements.Warning(
                CardTexts.Common.Markdown("PleaseCheck", Markdown.Worded(string.Join(CardTexts.Common["ListSeparator"], problems)))));
        }

        if (model.Refused is { } refused)
        {
            body.Add(CardElements.Warning(Markdown.Worded(refused)));
        }

        body.Add(new ChoiceSetInput(ChoiceInput, [.. Enum.GetValues<VoteChoice>().Select(c => new Choice(ChoiceText(c), c.ToString()))])
        {
            Label = Texts["Vote_Choice"],
            Style = ChoiceStyle.Expanded,
            Wrap = true,
            IsRequired = true,
            ErrorMessage = Texts["Problem_NoChoice"],
            Value = model.Choice?.ToString(),
        });
        body.Add(new TextInput(ConditionsInput)
        {
            Label = Texts.Format("Vote_Conditions", GoLiveVote.MaxTextLength),
            IsMultiline = true,
            MaxLength = GoLiveVote.MaxTextLength,
            Value = model.Conditions,
        });
        body.Add(new TextInput(ReasonInput)
        {
            Label = Texts.Format("Vote_Reason", GoLiveVote.MaxTextLength),
            IsMultiline = true,
            MaxLength = GoLiveVote.MaxTextLength,
            Value = model.Reason,
        });
        return GoLiveCardParts.Form(
            body, model.PhiFound, model.ProjectCode, model.RoundId, Texts["Vote_Submit"], GoLiveRoundKind.Submit, Texts["Vote_Scorecard"]);
    }

    public static JObject Answered(string project, string roundId, GoLiveVote vote, DateTimeOffset closesAt, bool open)
    {
        ArgumentNullException.ThrowIfNull(vote);
        List<Element> body =
        [
            CardElements.Heading(Texts.Markdown("Answered_Title", project)),
            CardElements.Text(Texts.Markdown("Answered_Choice", ChoiceText(vote.Choice))),
        ];
        if ((vote.Conditions ?? vote.Reason) is { } words)
        {
            body.Add(CardElements.UserText(words.Value, italic: true));
        }

        body.Add(CardElements.Text(
            Texts.Markdown(open ? "Answered_Open" : "Answered_Closed", Markdown.When(closesAt)), subtle: true));
        var data = GoLiveCardParts.RoundData(project, roundId);
        var change = CardElements.Execute(Texts["Answered_Change"], GoLiveRoundKind.Change, data);
        return new AdaptiveCard(body, open ? [change] : null).ToJObject();
    }

    /// <summary>The decision: the result, what decided it, every condition carried, and who voted what and when.</summary>
    public static JObject Result(string project, string projectName, VoteRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (tally, decision) = (record.Tally, record.Decision);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Result_Title", project, projectName)),
            CardElements.Badge(Markdown.Literal(ChoiceText(decision.Choice)), Weight(decision.Choice)),
            CardElements.Text(decision.By == DecidedBy.Veto
                ? Texts.Markdown("Result_Veto", string.Join(Texts["Result_ListSeparator"], decision.Vetoes
                    .Select(v => record.Votes.FirstOrDefault(c => c.Voter.Person.Value == v.Respondent.Value)?.Voter.Name ?? "?")))
                : Texts.Markdown($"Result_{decision.By}", tally.Go + tally.GoWithConditions, tally.NoGo)),
            CardElements.Text(
                Texts.Markdown("Result_Counts", tally.Go, tally.GoWithConditions, tally.NoGo, tally.Panel),
                subtle: true,
                spacing: Spacing.None),
        };
        if (decision.Conditions.Count > 0)
        {
            body.Add(CardElements.Section(Texts.Markdown("Result_ConditionsCarried")));
            foreach (var condition in decision.Conditions)
            {
                body.Add(CardElements.UserText(condition.Answer.Conditions!.Value));
            }
        }

        body.Add(CardElements.Section(Texts.Markdown("Result_Votes")));
        foreach (var vote in record.Votes)
        {
            var seat = vote.Sponsor ? Texts["Result_Sponsor"] : vote.MustOwner ? Texts["Result_MustOwner"] : string.Empty;
            body.Add(CardElements.Text(
                Texts.Markdown("Result_Vote", vote.Voter.Name, seat, ChoiceText(vote.Vote.Choice), Markdown.When(vote.At)),
                spacing: Spacing.Small));
            if ((vote.Vote.Conditions ?? vote.Vote.Reason) is { } words)
            {
                body.Add(CardElements.UserText(words.Value, italic: true));
            }
        }

        if (record.Votes.Count < tally.Panel)
        {
            body.Add(CardElements.Text(Texts.Markdown("Result_NotVoted", tally.Panel - record.Votes.Count), subtle: true));
        }

        return new AdaptiveCard(body).ToJObject();
    }

    /// <summary>The choice in the reader's words.</summary>
    public static string ChoiceText(VoteChoice choice) => Texts[$"Choice_{choice}"];

    private static Severity Weight(VoteChoice choice) => choice switch
    {
        VoteChoice.Go => Severity.Low,
        VoteChoice.GoWithConditions => Severity.Medium,
        _ => Severity.High,
    };

    private static Markdown Summary(VotePanel panel)
    {
        static string Numbers(IEnumerable<int> numbers) =>
            string.Join(Texts["Result_ListSeparator"], numbers.Select(n => $"#{n}"));
        return Texts.Markdown(
            "Vote_Summary",
            panel.Blockers.Count == 0 ? Texts["Vote_None"] : Numbers(panel.Blockers),
            panel.Conditions.Count == 0 ? Texts["Vote_None"] : Numbers(panel.Conditions),
            panel.CriticalItems);
    }
}

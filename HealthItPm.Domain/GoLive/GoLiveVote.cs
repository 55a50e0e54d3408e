using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.GoLive;

/// <summary>What a panel member votes: go, go with conditions, or no-go.</summary>
public enum VoteChoice
{
    Go,
    GoWithConditions,
    NoGo,
}

/// <summary>
/// One panel member's vote: go; go with conditions (the conditions required); no-go (the reason required). Both texts are
/// checked for PHI before the vote exists.
/// </summary>
public sealed record GoLiveVote : IFreeTextAnswer<GoLiveVote>
{
    public const int MaxTextLength = 500;

    private GoLiveVote(VoteChoice choice, GuardedText? conditions, GuardedText? reason) =>
        (Choice, Conditions, Reason) = (choice, conditions, reason);

    public VoteChoice Choice { get; }

    /// <summary>The conditions of a go with conditions; none for the other choices.</summary>
    public GuardedText? Conditions { get; }

    /// <summary>The reason of a no-go; none for the other choices.</summary>
    public GuardedText? Reason { get; }

    /// <summary>The vote, as the domain's rule wants it: the words the choice needs, and only those.</summary>
    public static GoLiveVote Create(VoteChoice choice, GuardedText? conditions, GuardedText? reason)
    {
        if (!Enum.IsDefined(choice))
        {
            throw new ArgumentOutOfRangeException(nameof(choice));
        }

        return choice switch
        {
            VoteChoice.GoWithConditions => new(choice, GuardedText.Required(conditions, GoLiveRounds.Conditions, MaxTextLength), null),
            VoteChoice.NoGo => new(choice, null, GuardedText.Required(reason, GoLiveRounds.Reason, MaxTextLength)),
            _ => new(choice, null, null),
        };
    }

    public GuardedText? TextOf(FreeText field) =>
        field == GoLiveRounds.Conditions ? Conditions : field == GoLiveRounds.Reason ? Reason : null;

    public GoLiveVote WithoutPatientDetails(FreeText field) =>
        field == GoLiveRounds.Conditions ? new(Choice, RemovedText.Marker, Reason)
        : field == GoLiveRounds.Reason ? new(Choice, Conditions, RemovedText.Marker)
        : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a go-live vote's field.");

    public static GoLiveVote Restore(VoteChoice choice, GuardedText? conditions, GuardedText? reason) => new(choice, conditions, reason);

    /// <summary>A vote is never anonymous (a go-live decision is accountable): a closed vote keeps every word.</summary>
    public static GoLiveVote Sealed(GoLiveVote vote, bool shown) => vote;
}

/// <summary>
/// Who sits on a vote's panel in which seat, and the scorecard the vote was opened on: fixed when the vote opens and kept
/// as the round's name (a plain line of codes and ids, never words), so the decision follows the panel as it was asked.
/// </summary>
public sealed record VotePanel(
    PersonId? Sponsor,
    IReadOnlyList<PersonId> MustOwners,
    Recommendation Recommendation,
    IReadOnlyList<int> Blockers,
    IReadOnlyList<int> Conditions,
    int CriticalItems)
{
    private const char Part = ';';
    private const char Item = ',';

    /// <summary>Whether a no-go from the person decides (the sponsor, or an owner of a must-criterion).</summary>
    public bool CanVeto(PersonId person) => person == Sponsor || MustOwners.Contains(person);

    public string Format() => string.Join(
        Part,
        Sponsor?.Value ?? string.Empty,
        string.Join(Item, MustOwners.Select(p => p.Value)),
        Recommendation.ToString(),
        string.Join(Item, Blockers),
        string.Join(Item, Conditions),
        CriticalItems.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The panel kept as a round's name; null when the name is not one.</summary>
    public static VotePanel? Parse(string? name)
    {
        var parts = name?.Split(Part);
        if (parts is not { Length: 6 }
            || !Enum.TryParse<Recommendation>(parts[2], out var recommendation)
            || !int.TryParse(parts[5], System.Globalization.CultureInfo.InvariantCulture, out var critical)
            || People(parts[0]) is not { Count: <= 1 } sponsor
            || People(parts[1]) is not { } mustOwners
            || Numbers(parts[3]) is not { } blockers
            || Numbers(parts[4]) is not { } conditions)
        {
            return null;
        }

        return new VotePanel(sponsor.Count == 0 ? null : sponsor[0], mustOwners, recommendation, blockers, conditions, critical);
    }

    private static List<PersonId>? People(string part)
    {
        var people = new List<PersonId>();
        foreach (var item in part.Split(Item, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!PersonId.TryParse(item, out var person))
            {
                return null;
            }

            people.Add(person);
        }

        return people;
    }

    private static List<int>? Numbers(string part)
    {
        var numbers = new List<int>();
        foreach (var item in part.Split(Item, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            numbers.Add(n);
        }

        return numbers;
    }

    /// <summary>
    /// The panel of a vote opened on <paramref name="scorecard"/>: the sponsor marked, and which of the panel own a
    /// must-criterion of the gate.
    /// </summary>
    public static VotePanel Of(Scorecard scorecard, IReadOnlyCollection<PersonId> panel, PersonId? sponsor)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(panel);
        var mustOwners = scorecard.Criteria
            .Where(c => c.Criterion.Importance == Importance.Must)
            .Select(c => c.Criterion.Owner)
            .Where(panel.Contains)
            .Distinct()
            .ToList();
        return new VotePanel(
            sponsor,
            mustOwners,
            scorecard.Recommendation,
            [.. scorecard.Blockers.Select(b => b.Criterion.Number)],
            [.. scorecard.Conditions.Select(c => c.Criterion.Number)],
            scorecard.CriticalItems.Count);
    }
}

/// <summary>What decided a vote: a veto (a no-go from the sponsor or a must-owner), the majority, or a tie.</summary>
public enum DecidedBy
{
    Veto,
    Majority,
    Tie,
    NoVotes,
}

/// <summary>
/// A vote's tally: counts of each choice and the decision by the rule (<see cref="GoLiveDecision.Decide"/>). Plain values
/// only: who voted what, and the conditions carried, are read from the answers.
/// </summary>
public sealed record GoLiveTally(int Go, int GoWithConditions, int NoGo, int Vetoes, int Panel, VoteChoice Decision, DecidedBy DecidedBy)
{
    public static GoLiveTally Of(Round round, IReadOnlyList<GivenAnswer<GoLiveVote>> counted)
    {
        ArgumentNullException.ThrowIfNull(round);
        var decision = GoLiveDecision.Decide(VotePanel.Parse(round.Name), counted);
        return new GoLiveTally(
            counted.Count(v => v.Answer.Choice == VoteChoice.Go),
            counted.Count(v => v.Answer.Choice == VoteChoice.GoWithConditions),
            counted.Count(v => v.Answer.Choice == VoteChoice.NoGo),
            decision.Vetoes.Count,
            round.Audience.Count,
            decision.Choice,
            decision.By);
    }
}

/// <summary>A vote's decision, with the vetoes that made it and the conditions carried over (in the order they were given).</summary>
public sealed record GoLiveDecision(
    VoteChoice Choice,
    DecidedBy By,
    IReadOnlyList<GivenAnswer<GoLiveVote>> Vetoes,
    IReadOnlyList<GivenAnswer<GoLiveVote>> Conditions)
{
    /// <summary>
    /// The rule (docs/go-live-gate.md): a no-go from the sponsor or from an owner of a must-criterion → no-go. Otherwise the
    /// majority of the votes cast, go and go-with-conditions counting together as for going: more for going than no-go →
    /// go, or go with conditions when anyone raised one (every condition carried over); as many or fewer → no-go (a tie is
    /// a no-go); no vote cast → no-go.
    /// </summary>
    public static GoLiveDecision Decide(VotePanel? panel, IReadOnlyList<GivenAnswer<GoLiveVote>> counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var votes = counted.OrderBy(v => v.At).ToList();
        var vetoes = panel is null ? [] : votes
            .Where(v => v.Answer.Choice == VoteChoice.NoGo && panel.CanVeto(new PersonId(v.Respondent.Value)))
            .ToList();
        var conditions = votes.Where(v => v.Answer.Conditions is not null).ToList();
        if (vetoes.Count > 0)
        {
            return new GoLiveDecision(VoteChoice.NoGo, DecidedBy.Veto, vetoes, []);
        }

        if (votes.Count == 0)
        {
            return new GoLiveDecision(VoteChoice.NoGo, DecidedBy.NoVotes, [], []);
        }

        var going = votes.Count(v => v.Answer.Choice != VoteChoice.NoGo);
        var notGoing = votes.Count - going;
        return going == notGoing ? new GoLiveDecision(VoteChoice.NoGo, DecidedBy.Tie, [], [])
            : going < notGoing ? new GoLiveDecision(VoteChoice.NoGo, DecidedBy.Majority, [], [])
            : new GoLiveDecision(
                conditions.Count > 0 ? VoteChoice.GoWithConditions : VoteChoice.Go, DecidedBy.Majority, [], conditions);
    }
}

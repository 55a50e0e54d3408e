using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Rounds;

/// <summary>
/// A kind of round (the weekly check-in, an ADKAR wave, …): everything the domain needs to tell kinds apart, in one
/// object per kind. The round engine, the round store and the delivery of a round read it; nothing else names a kind.
/// The kinds there are: <see cref="RoundKinds.All"/>, each declared in its own folder. The bot's side of a kind (its cards,
/// how its answers are stored, its words) is its descriptor in the bot.
/// </summary>
public abstract class RoundKind : IEquatable<RoundKind>
{
    private protected RoundKind(string name, AuditKind started, AuditKind answered, RoundTopics topics, IReadOnlyList<FreeText> freeText)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(freeText);
        Name = name;
        Started = started;
        Answered = answered;
        Topics = topics;
        FreeTextFields = freeText;
    }

    /// <summary>The kind's name, stored with each of its rounds and in their keys: it never changes once rounds exist.</summary>
    public string Name { get; }

    /// <summary>What the audit log records when a person sends a round of this kind.</summary>
    public AuditKind Started { get; }

    /// <summary>What the audit log records when a person answers a round of this kind (never for an anonymous round).</summary>
    public AuditKind Answered { get; }

    /// <summary>The delivery topics of the round's cards, reminders and end-of-round cards.</summary>
    public RoundTopics Topics { get; }

    /// <summary>The answer's free-text fields: each is checked for PHI, in the round's context, before an answer exists.</summary>
    public IReadOnlyList<FreeText> FreeTextFields { get; }

    /// <summary>
    /// Whether the end-of-round card goes to the round's audience still on the project as well as to the PMs: a decision
    /// its voters are told of (a go/no-go vote), never results of answers kept from each other.
    /// </summary>
    public bool EndToAudience { get; private protected init; }

    /// <summary>
    /// Whether a round closes as soon as everyone in its audience still on the project has answered, not only at its deadline
    /// (a go/no-go vote: a decision nobody is left to change waits for nothing).
    /// </summary>
    public bool ClosesWhenAllAnswered { get; private protected init; }

    /// <summary>
    /// Whether nobody reads the round's answers before it closes, its PMs included (a go/no-go vote: nobody learns who voted
    /// what before the decision), so its words are not listed to them either.
    /// </summary>
    public bool AnswersKeptUntilClosed { get; private protected init; }

    /// <summary>
    /// For a kind open one at a time on a project (a go/no-go vote), what opening another is refused with while one is open:
    /// checked by the store as it adds the round, so two opened at once cannot both be added; null when rounds may overlap.
    /// </summary>
    public Func<Round, Problem>? OneAtATime { get; private protected init; }

    /// <summary>The type of the kind's answers.</summary>
    public abstract Type AnswerType { get; }

    /// <summary>The type of what a closed round's answers are counted to.</summary>
    public abstract Type TallyType { get; }

    /// <summary>Counts a round of this kind and keeps only what its results show (<see cref="RoundEngine.CountAsync"/>).</summary>
    internal abstract Task CountAsync(RoundEngine engine, TenantId tenant, Round round, CancellationToken cancellationToken);

    /// <summary>How many of the round's answers count (<see cref="Round.Counted{TAnswer}"/>), for the anonymity rule.</summary>
    internal abstract Task<int> CountedAsync(IRoundStore store, TenantId tenant, Round round, CancellationToken cancellationToken);

    /// <summary>The distinct words the round's answers hold in the kind's free-text fields, never whose they are.</summary>
    internal abstract Task<IReadOnlyList<string>> AnswerTextsAsync(
        IRoundStore store, TenantId tenant, Round round, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces by <see cref="Privacy.RemovedText.Marker"/> every free-text field of the round's answers whose words have the
    /// <paramref name="fingerprint"/>, whoever gave them; false when none had.
    /// </summary>
    internal abstract Task<bool> RemoveAnswerTextAsync(
        IRoundStore store, TenantId tenant, Round round, string fingerprint, CancellationToken cancellationToken);

    public bool Equals(RoundKind? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RoundKind other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    public static bool operator ==(RoundKind? left, RoundKind? right) => Equals(left, right);

    public static bool operator !=(RoundKind? left, RoundKind? right) => !Equals(left, right);
}

/// <summary>
/// A kind of round whose answers are <typeparamref name="TAnswer"/> and whose closed rounds are counted to
/// <typeparamref name="TTally"/>: how its answers are counted and what an anonymous round keeps of them once closed.
/// </summary>
public sealed class RoundKind<TAnswer, TTally> : RoundKind
    where TAnswer : class, IFreeTextAnswer<TAnswer>
    where TTally : class
{
    private readonly Func<Round, IReadOnlyList<GivenAnswer<TAnswer>>, TTally> _tally;
    private readonly Func<TAnswer, bool, TAnswer> _seal;

    /// <param name="name">Stored with every round of the kind: one word, never changed once rounds exist.</param>
    /// <param name="started">What the audit log records when a round of the kind is sent by hand.</param>
    /// <param name="answered">What the audit log records when an attributed round of the kind is answered.</param>
    /// <param name="topics">The delivery topics of its cards, reminders and end-of-round cards: the kind's own.</param>
    /// <param name="freeText">The answer's free-text fields, checked for PHI before an answer exists.</param>
    /// <param name="tally">What a round's counted answers (one per respondent) add up to.</param>
    /// <param name="seal">What a closed anonymous round keeps of an answer, told whether its figures are shown (<see cref="AnswerSeal"/>).
    /// </param>
    /// <param name="endToAudience">Whether the end-of-round card goes to the audience too (<see cref="RoundKind.EndToAudience"/>).</param>
    /// <param name="closesWhenAllAnswered">Whether it closes once everyone answered (<see cref="RoundKind.ClosesWhenAllAnswered"/>).
    /// </param>
    /// <param name="answersKeptUntilClosed">Whether nobody reads its answers while it is open
    /// (<see cref="RoundKind.AnswersKeptUntilClosed"/>).</param>
    /// <param name="oneAtATime">What another round is refused with while one is open (<see cref="RoundKind.OneAtATime"/>).</param>
    public RoundKind(
        string name,
        AuditKind started,
        AuditKind answered,
        RoundTopics topics,
        IReadOnlyList<FreeText> freeText,
        Func<Round, IReadOnlyList<GivenAnswer<TAnswer>>, TTally> tally,
        Func<TAnswer, bool, TAnswer> seal,
        bool endToAudience = false,
        bool closesWhenAllAnswered = false,
        bool answersKeptUntilClosed = false,
        Func<Round, Problem>? oneAtATime = null)
        : base(name, started, answered, topics, freeText)
    {
        OneAtATime = oneAtATime;
        EndToAudience = endToAudience;
        ClosesWhenAllAnswered = closesWhenAllAnswered;
        AnswersKeptUntilClosed = answersKeptUntilClosed;
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(seal);
        _tally = tally;
        _seal = seal;
    }

    public override Type AnswerType => typeof(TAnswer);

    public override Type TallyType => typeof(TTally);

    /// <summary>What the round's counted answers add up to.</summary>
    public TTally Tally(Round round, IReadOnlyList<GivenAnswer<TAnswer>> counted) => _tally(round, counted);

    /// <summary>What a closed anonymous round keeps of the answer; <paramref name="shown"/>: whether its figures are shown.</summary>
    public TAnswer Seal(TAnswer answer, bool shown) => _seal(answer, shown);

    internal override async Task CountAsync(RoundEngine engine, TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        await engine.TallyAsync(tenant, this, round, cancellationToken);
        await engine.SealAsync(tenant, this, round, cancellationToken);
    }

    internal override async Task<int> CountedAsync(IRoundStore store, TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(round);
        return round.Counted(await store.AnswersAsync<TAnswer>(tenant, round, cancellationToken)).Count;
    }

    internal override async Task<IReadOnlyList<string>> AnswerTextsAsync(
        IRoundStore store, TenantId tenant, Round round, CancellationToken cancellationToken) =>
        [.. (await store.AnswersAsync<TAnswer>(tenant, round, cancellationToken))
            .SelectMany(given => FreeTextFields.Select(field => given.Answer.TextOf(field)?.Value))
            .OfType<string>()
            .Where(text => !RemovedText.IsRemoved(text))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    internal override async Task<bool> RemoveAnswerTextAsync(
        IRoundStore store, TenantId tenant, Round round, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var removed = false;
        foreach (var given in await store.AnswersAsync<TAnswer>(tenant, round, cancellationToken))
        {
            var answer = given.Answer;
            foreach (var field in FreeTextFields)
            {
                if (answer.TextOf(field) is { } text && !RemovedText.IsRemoved(text)
                    && string.Equals(RemovedText.Fingerprint(text.Value), fingerprint, StringComparison.Ordinal))
                {
                    answer = answer.WithoutPatientDetails(field);
                }
            }

            if (!ReferenceEquals(answer, given.Answer))
            {
                await store.SaveAnswerAsync(tenant, round, given with { Answer = answer }, cancellationToken);
                removed = true;
            }
        }

        return removed;
    }
}

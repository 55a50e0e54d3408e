using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Rounds;

/// <summary>
/// A round not yet closed, with the delivery steps already handed to the pipeline (cards, reminders, the
/// PMs' end-of-round cards), so the scheduler hands each over once; <paramref name="Version"/> guards the marks.
/// </summary>
public sealed record OpenRound(
    TenantId Tenant,
    ProjectCode Project,
    RoundKind Kind,
    string RoundId,
    bool CardsQueued,
    bool RemindersQueued,
    bool EndQueued,
    string Version);

/// <summary>Rounds of every kind and their answers, in one store; the kind is part of every key.</summary>
public interface IRoundStore
{
    /// <summary>Creates the round; false when it already exists (the id is its opening time, per kind).</summary>
    Task<bool> AddRoundAsync(TenantId tenant, Round round, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a round of a kind open one at a time (<see cref="RoundKind.OneAtATime"/>) unless another round of its kind on
    /// the project is open over any part of its time: that round is returned and nothing is added. The check and the add are
    /// one step, so of two rounds added at once one is refused. Added is false when the round already exists.
    /// </summary>
    Task<(bool Added, Round? Open)> AddRoundAloneAsync(TenantId tenant, Round round, CancellationToken cancellationToken);

    Task<Round?> GetRoundAsync(TenantId tenant, ProjectCode project, RoundKind kind, string roundId, CancellationToken cancellationToken);

    /// <summary>The project's latest rounds of a kind, newest first.</summary>
    Task<IReadOnlyList<Round>> LatestRoundsAsync(
        TenantId tenant,
        ProjectCode project,
        RoundKind kind,
        int count,
        CancellationToken cancellationToken);

    /// <summary>Rounds of every kind not yet closed, across tenants: what the scheduler works on.</summary>
    Task<IReadOnlyList<OpenRound>> OpenRoundsAsync(CancellationToken cancellationToken);

    /// <summary>One round's open-round entry, if it is not yet closed.</summary>
    Task<OpenRound?> GetOpenRoundAsync(
        TenantId tenant,
        ProjectCode project,
        RoundKind kind,
        string roundId,
        CancellationToken cancellationToken);

    /// <summary>
    /// Marks the round's cards (reminders, end-of-round cards) as handed to the pipeline; false when another host changed the round first.
    /// </summary>
    Task<bool> MarkQueuedAsync(OpenRound round, CancellationToken cancellationToken);

    /// <summary>Destroys an anonymous round's key once nobody can answer it any more (nothing happens when there is none).</summary>
    Task DestroyKeyAsync(TenantId tenant, Round round, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the round closed (destroying an anonymous round's key if it is still kept); false when another host already did.
    /// </summary>
    Task<bool> CloseRoundAsync(TenantId tenant, ProjectCode project, RoundKind kind, string roundId, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the round at <paramref name="at"/>, before its deadline, everyone having answered; a round already closed so keeps
    /// its first closing time. Read back, the round closes then (<see cref="Round.ClosedEarlyAt"/>).
    /// </summary>
    Task CloseEarlyAsync(TenantId tenant, Round round, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores an answer, replacing any earlier answer under the same respondent key to the same round.</summary>
    Task SaveAnswerAsync<TAnswer>(TenantId tenant, Round round, GivenAnswer<TAnswer> answer, CancellationToken cancellationToken);

    Task<IReadOnlyList<GivenAnswer<TAnswer>>> AnswersAsync<TAnswer>(TenantId tenant, Round round, CancellationToken cancellationToken);

    /// <summary>One respondent's answer to a round, if they gave one.</summary>
    Task<GivenAnswer<TAnswer>?> AnswerAsync<TAnswer>(
        TenantId tenant,
        Round round,
        RespondentKey respondent,
        CancellationToken cancellationToken);

    /// <summary>Whether the respondent answered (whatever the question set): what the reminder asks.</summary>
    Task<bool> HasAnsweredAsync(TenantId tenant, Round round, RespondentKey respondent, CancellationToken cancellationToken);

    /// <summary>
    /// What a closed round's answers were counted to, if it was kept (<see cref="RoundEngine.TallyAsync"/>); null otherwise.
    /// </summary>
    Task<TTally?> TallyAsync<TTally>(TenantId tenant, Round round, CancellationToken cancellationToken)
        where TTally : class;

    /// <summary>
    /// Keeps what a closed round's answers were counted to, beside the round (replacing an earlier count of the same answers).
    /// </summary>
    Task KeepTallyAsync<TTally>(TenantId tenant, Round round, TTally tally, CancellationToken cancellationToken)
        where TTally : class;
}

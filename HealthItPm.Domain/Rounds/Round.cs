using System.Security.Cryptography;
using System.Text;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Rounds;

/// <summary>Someone a round was sent to, as they were on the project when it opened.</summary>
public sealed record Respondent(PersonId Person, string Name, StakeholderRole Discipline, string? Department);

/// <summary>
/// Whose answer a stored answer is: the person's id in an attributed round; in an anonymous round a
/// keyed hash of it (HMAC-SHA256 with the round's own random key), so the stored answers are not keyed
/// by anyone's id in the clear, yet each person still has one answer they can change while the round is
/// open. The key is kept apart from the answers and destroyed when the round closes: from then on
/// nobody can tell whose answer is whose.
/// </summary>
public readonly record struct RespondentKey(string Value);

/// <summary>An answer with whose it is, when it was given (the last one, if changed) and the group it counts in.</summary>
public sealed record GivenAnswer<TAnswer>(
    RespondentKey Respondent,
    TAnswer Answer,
    DateTimeOffset At,
    StakeholderRole Discipline,
    string? Department);

/// <summary>
/// One round of questions — a check-in or an ADKAR wave: sent to an audience fixed when it opened,
/// answered at most once per person (a later answer replaces the earlier), reminded once, closed at its
/// deadline.
/// <para>
/// The id is the round's opening time in UTC (yyyyMMddTHHmmZ): every host that fires the same
/// scheduled occurrence computes the same id, so creating a round twice creates it once. Rounds of
/// different kinds are kept apart by their kind, so a check-in and a wave opened in the same minute
/// never collide.
/// </para>
/// </summary>
public sealed class Round
{
    private readonly Dictionary<PersonId, Respondent> _audience;
    private readonly byte[]? _anonymityKey;
    private Dictionary<RespondentKey, Respondent>? _byKey;

    public Round(
        ProjectCode project,
        DateTimeOffset opensAt,
        TimeSpan remindAfter,
        TimeSpan closeAfter,
        bool anonymous,
        IEnumerable<Respondent> audience,
        RoundKind kind,
        string? name = null,
        string? anonymityKey = null,
        bool keyDestroyed = false,
        DateTimeOffset? closedEarlyAt = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (remindAfter <= TimeSpan.Zero || closeAfter <= remindAfter)
        {
            throw new DomainException(Problem.RoundTimesOutOfOrder());
        }

        if (anonymous && !keyDestroyed && anonymityKey is null)
        {
            throw new ArgumentException(
                "An anonymous round keys its answers with its own key, kept until the key is destroyed.",
                nameof(anonymityKey));
        }

        Project = project;
        Kind = kind;
        Name = name;
        OpensAt = opensAt.ToUniversalTime();
        RemindAt = OpensAt + remindAfter;
        Deadline = OpensAt + closeAfter;
        ClosedEarlyAt = closedEarlyAt is { } early && early.ToUniversalTime() < Deadline ? early.ToUniversalTime() : null;
        ClosesAt = ClosedEarlyAt ?? Deadline;
        Anonymous = anonymous;
        KeyDestroyed = anonymous && keyDestroyed;
        AnonymityKey = anonymous && !KeyDestroyed ? anonymityKey : null;
        _anonymityKey = AnonymityKey is null ? null : Convert.FromBase64String(AnonymityKey);
        _audience = audience.DistinctBy(r => r.Person).ToDictionary(r => r.Person);
    }

    public ProjectCode Project { get; }

    public RoundKind Kind { get; }

    /// <summary>The wave's name ("pre go-live"); check-ins have none.</summary>
    public string? Name { get; }

    public string Id => IdFor(OpensAt);

    public DateTimeOffset OpensAt { get; }

    public DateTimeOffset RemindAt { get; }

    /// <summary>When the round closes: its deadline, or earlier when everyone answered (<see cref="ClosedEarlyAt"/>).</summary>
    public DateTimeOffset ClosesAt { get; }

    /// <summary>The deadline the round was opened with.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>
    /// When a kind that closes once everyone answered (<see cref="RoundKind.ClosesWhenAllAnswered"/>) closed it; null otherwise.
    /// </summary>
    public DateTimeOffset? ClosedEarlyAt { get; }

    /// <summary>The same round closed at <paramref name="at"/> (before its deadline), everyone having answered.</summary>
    public Round ClosedEarly(DateTimeOffset at) =>
        new(Project, OpensAt, RemindAt - OpensAt, Deadline - OpensAt, Anonymous, Audience, Kind, Name, AnonymityKey, KeyDestroyed, at);

    public bool Anonymous { get; }

    /// <summary>The anonymous round's random key (base 64) for respondent keys; null in attributed rounds and once destroyed.</summary>
    public string? AnonymityKey { get; }

    /// <summary>
    /// An anonymous round whose key was destroyed when it closed: its answers can no longer be linked to
    /// anyone, and every stored answer counts (each was accepted from someone in the audience).
    /// </summary>
    public bool KeyDestroyed { get; }

    /// <summary>The same round once its anonymity key is destroyed (what a round read after its close looks like).</summary>
    public Round WithKeyDestroyed() =>
        Anonymous
            ? new Round(
                Project,
                OpensAt,
                RemindAt - OpensAt,
                Deadline - OpensAt,
                Anonymous,
                Audience,
                Kind,
                Name,
                keyDestroyed: true,
                closedEarlyAt: ClosedEarlyAt)
            : this;

    public IReadOnlyCollection<Respondent> Audience => _audience.Values;

    /// <summary>
    /// The id of a round opening then: its minute (yyyyMMddTHHmmZ); a round a PM sends by hand while
    /// another opened in the same minute opens at a later second, named after the minute (…Z+ss), so ids
    /// still sort in opening order.
    /// </summary>
    public static string IdFor(DateTimeOffset opensAt) =>
        opensAt.ToUniversalTime()
            .ToString(
                opensAt.Second == 0 ? "yyyyMMdd'T'HHmm'Z'" : "yyyyMMdd'T'HHmm'Z+'ss",
                System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>When the round of id <paramref name="id"/> opened (<see cref="IdFor"/> read back); null for anything else.</summary>
    public static DateTimeOffset? OpensAtOf(string? id) =>
        DateTimeOffset.TryParseExact(
            id,
            ["yyyyMMdd'T'HHmm'Z'", "yyyyMMdd'T'HHmm'Z+'ss"],
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal,
            out var at)
            ? at
            : null;

    /// <summary>A fresh random key for an anonymous round (32 bytes, base 64).</summary>
    public static string NewAnonymityKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public bool IsOpen(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    /// <summary>
    /// The anonymity rule, for every kind of round: of an anonymous round nothing but the number of answers is shown
    /// while it is open, and once it has closed nothing from fewer than <see cref="AnswerGroups.MinimumSize"/> answers.
    /// Null: its figures may be shown (always, for an attributed round).
    /// </summary>
    public ResultsWithheld? FiguresWithheld(int answered, DateTimeOffset now) =>
        !Anonymous ? null
        : IsOpen(now) ? ResultsWithheld.UntilClosed
        : answered < AnswerGroups.MinimumSize ? ResultsWithheld.TooFewAnswers
        : null;

    public bool IsAddressedTo(PersonId person) => _audience.ContainsKey(person);

    /// <summary>
    /// The key the person's answer is stored under: their id, or its keyed hash in an anonymous round; none once the key
    /// is destroyed (the round has closed).
    /// </summary>
    public RespondentKey KeyOf(PersonId person) =>
        KeyDestroyed ? throw new DomainException(Problem.RoundClosed(Kind, ClosesAt))
        : _anonymityKey is null ? new RespondentKey(person.Value)
        : new RespondentKey(Convert.ToHexStringLower(HMACSHA256.HashData(_anonymityKey, Encoding.UTF8.GetBytes(person.Value))));

    /// <summary>The respondent an answer's key belongs to, if they are in the audience (never once the key is destroyed).</summary>
    public Respondent? RespondentOf(RespondentKey key)
    {
        if (KeyDestroyed)
        {
            return null;
        }

        _byKey ??= _audience.Values.ToDictionary(r => KeyOf(r.Person));
        return _byKey.GetValueOrDefault(key);
    }

    /// <summary>
    /// Checks that <paramref name="person"/> may answer now: in the audience, and the round open.
    /// Storage keeps one answer per respondent key per round, so the answer given replaces any earlier one.
    /// </summary>
    public GivenAnswer<TAnswer> Accept<TAnswer>(PersonId person, TAnswer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!_audience.TryGetValue(person, out var respondent))
        {
            throw new DomainException(Problem.RoundNotSentToYou(Kind));
        }

        if (!IsOpen(now) || KeyDestroyed)
        {
            throw new DomainException(Problem.RoundClosed(Kind, ClosesAt));
        }

        return new GivenAnswer<TAnswer>(KeyOf(person), answer, now, respondent.Discipline, respondent.Department);
    }

    /// <summary>
    /// The answers that count: one per respondent in the audience (the latest), others dropped. Once the key
    /// is destroyed every stored answer counts: only people in the audience could give one.
    /// </summary>
    public IReadOnlyList<GivenAnswer<TAnswer>> Counted<TAnswer>(IEnumerable<GivenAnswer<TAnswer>> answers) =>
        [.. answers.Where(a => KeyDestroyed || RespondentOf(a.Respondent) is not null)
            .GroupBy(a => a.Respondent)
            .Select(g => g.MaxBy(a => a.At)!)];

    /// <summary>Reminders go out between the reminder time and the deadline.</summary>
    public bool RemindersDue(DateTimeOffset now) => now >= RemindAt && now < ClosesAt;

    /// <summary>
    /// What to do with the person's one reminder when its turn comes: send it while the reminder window
    /// is open to someone addressed who has not answered and whose card was delivered; wait while their
    /// card is still on its way (Teams throttling for hours must not cost them the reminder); otherwise
    /// nothing (a reminder of a card never received would puzzle).
    /// </summary>
    public ReminderDecision Reminder(PersonId person, DateTimeOffset now, bool answered, DeliveryState? card) =>
        !RemindersDue(now) || !IsAddressedTo(person) || answered ? ReminderDecision.NotNeeded
        : card is null or DeliveryState.Pending ? ReminderDecision.WaitForCard
        : card == DeliveryState.Sent ? ReminderDecision.Send
        : ReminderDecision.NotNeeded;
}

public enum ReminderDecision
{
    Send,
    NotNeeded,
    WaitForCard,
}

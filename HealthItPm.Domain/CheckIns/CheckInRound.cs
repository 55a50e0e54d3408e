using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.CheckIns;

/// <summary>Someone a round was sent to, as they were on the project when it opened.</summary>
public sealed record Respondent(PersonId Person, string Name, StakeholderRole Discipline, string? Department);

/// <summary>An answer with who gave it and when (the last one given, if they changed it).</summary>
public sealed record GivenAnswer(PersonId Person, CheckInAnswer Answer, DateTimeOffset At);

/// <summary>
/// One round of a check-in: sent to an audience fixed when it opened, answered at most once per
/// person (a later answer replaces the earlier), reminded once, closed at its deadline.
/// <para>
/// The id is the round's opening time in UTC (yyyyMMddTHHmmZ): every host that fires the same
/// scheduled occurrence computes the same id, so creating a round twice creates it once.
/// </para>
/// </summary>
public sealed class CheckInRound
{
    private readonly Dictionary<PersonId, Respondent> _audience;

    public CheckInRound(ProjectCode project, DateTimeOffset opensAt, TimeSpan remindAfter, TimeSpan closeAfter, bool anonymous, IEnumerable<Respondent> audience)
    {
        if (remindAfter <= TimeSpan.Zero || closeAfter <= remindAfter)
        {
            throw new DomainException("A round reminds after it opens and closes after the reminder.");
        }

        Project = project;
        OpensAt = opensAt.ToUniversalTime();
        RemindAt = OpensAt + remindAfter;
        ClosesAt = OpensAt + closeAfter;
        Anonymous = anonymous;
        _audience = audience.DistinctBy(r => r.Person).ToDictionary(r => r.Person);
    }

    public ProjectCode Project { get; }

    public string Id => IdFor(OpensAt);

    public DateTimeOffset OpensAt { get; }

    public DateTimeOffset RemindAt { get; }

    public DateTimeOffset ClosesAt { get; }

    public bool Anonymous { get; }

    public IReadOnlyCollection<Respondent> Audience => _audience.Values;

    public static string IdFor(DateTimeOffset opensAt) => opensAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public bool IsOpen(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public bool IsAddressedTo(PersonId person) => _audience.ContainsKey(person);

    /// <summary>
    /// Checks that <paramref name="person"/> may answer now: in the audience, and the round open.
    /// Storage keeps one answer per person per round, so the answer given replaces any earlier one.
    /// </summary>
    public GivenAnswer Accept(PersonId person, CheckInAnswer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsAddressedTo(person))
        {
            throw new DomainException("This check-in was not sent to you, so it cannot take your answer.");
        }

        if (!IsOpen(now))
        {
            throw new DomainException($"This check-in closed on {ClosesAt:yyyy-MM-dd HH:mm} UTC; your answer was not recorded.");
        }

        return new GivenAnswer(person, answer, now);
    }

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

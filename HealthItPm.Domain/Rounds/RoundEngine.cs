using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Rounds;

/// <summary>
/// What every kind of round does the same way: open one for an audience (idempotent: the id is the
/// opening minute, or its second for another sent by hand in the same minute), take an answer from someone it was
/// sent to while it is open, and read back a person's own answer. Sending a round by hand and answering one are
/// written to the audit log here, for every kind, as its <see cref="RoundKind"/> says. The kinds (check-ins, ADKAR
/// waves) add their questions and their summaries.
/// </summary>
public sealed class RoundEngine(IRoundStore store, IProjectRepository projects, AccessPolicy access, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// How long after its deadline a round's answers are taken as final: an answer accepted in the last
    /// second is saved a moment later.
    /// </summary>
    public static readonly TimeSpan AnswersSettle = TimeSpan.FromMinutes(5);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>This minute, the id of a round opened by hand now.</summary>
    public DateTimeOffset ThisMinute
    {
        get
        {
            var now = clock.GetUtcNow();
            return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        }
    }

    /// <summary>A round a person sends now (its id is this minute), recorded in the audit log once it is open.</summary>
    public Task<Outcome<Round>> StartAsync(
        TenantId tenant,
        PersonId person,
        Project project,
        RoundKind kind,
        RoundSettings settings,
        CancellationToken cancellationToken) =>
        StartAsync(tenant, person, project, kind, settings, null, cancellationToken);

    /// <summary>
    /// A round a person sends now, recorded in the audit log once it is open. Its id is this minute, so a
    /// double click opens it once. <paramref name="after"/> is the id of the round the person was shown
    /// open when they confirmed sending another: then a round opened since that one is this confirmation's
    /// (the same button pressed twice, or its invoke delivered again) and is the answer; otherwise the new
    /// round opens at the first second after the kind's latest round, when that one opened this minute.
    /// Every copy of the same confirmation computes the same id, so it still opens one round.
    /// </summary>
    public async Task<Outcome<Round>> StartAsync(
        TenantId tenant,
        PersonId person,
        Project project,
        RoundKind kind,
        RoundSettings settings,
        string? after,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var opensAt = ThisMinute;
        if (after is not null)
        {
            var newest = await store.LatestRoundsAsync(tenant, project.Code, kind, 1, cancellationToken);
            var latest = newest.Count > 0 ? newest[0] : null;
            if (latest is not null
                && latest.Id != after
                && await store.GetRoundAsync(tenant, project.Code, kind, after, cancellationToken) is { } shown
                && latest.OpensAt > shown.OpensAt)
            {
                return new Outcome<Round>.Done(latest);
            }

            if (latest is not null && latest.OpensAt >= opensAt)
            {
                // A round never opens in the future (its cards would find it closed): a confirmation within the
                // second the latest round opened is taken as the same press.
                opensAt = latest.OpensAt.AddSeconds(1);
                if (opensAt > clock.GetUtcNow())
                {
                    return new Outcome<Round>.Done(latest);
                }
            }
        }

        var opened = await OpenAsync(tenant, project, kind, opensAt, settings, cancellationToken);
        if (opened is Outcome<Round>.Done { Value: var round })
        {
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, kind.Started, project.Code, round.Id), cancellationToken);
        }

        return opened;
    }

    public async Task<Outcome<Round>> OpenAsync(
        TenantId tenant,
        Project project,
        RoundKind kind,
        DateTimeOffset opensAt,
        RoundSettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(settings);
        var respondents = settings.Audience.Select(project, settings.Anonymous);
        if (respondents.Count == 0)
        {
            return new Outcome<Round>.Invalid(Problem.NoStakeholdersMatch(project.Name, kind));
        }

        var round = new Round(
            project.Code,
            opensAt,
            settings.RemindAfter,
            settings.CloseAfter,
            settings.Anonymous,
            respondents,
            kind,
            settings.Name,
            settings.Anonymous ? Round.NewAnonymityKey() : null);
        var (added, open) = kind.OneAtATime is null
            ? (await store.AddRoundAsync(tenant, round, cancellationToken), null)
            : await store.AddRoundAloneAsync(tenant, round, cancellationToken);
        if (open is not null)
        {
            return new Outcome<Round>.Invalid(kind.OneAtATime!(open));
        }

        if (!added)
        {
            // Already opened (a double click, or another host): that round is the answer. For a kind open one at a
            // time, only if it is the same round asked for: another panel sent in the same minute was not sent.
            var existing = (await store.GetRoundAsync(tenant, project.Code, kind, round.Id, cancellationToken))!;
            if (kind.OneAtATime is { } refusal && !SameAudience(existing, round))
            {
                return new Outcome<Round>.Invalid(refusal(existing));
            }

            round = existing;
        }

        return new Outcome<Round>.Done(round);
    }

    /// <summary>
    /// The project's round of a kind still open now, if any, for someone who may run that kind (so
    /// starting another can ask first).
    /// </summary>
    public async Task<Outcome<Round?>> OpenRoundAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind kind,
        ProjectAction action,
        CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, action, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<Round?>();
        }

        var now = clock.GetUtcNow();
        return new Outcome<Round?>.Done((await store.LatestRoundsAsync(tenant, code, kind, 3, cancellationToken))
            .FirstOrDefault(r => r.IsOpen(now)));
    }

    /// <summary>Records an answer (replacing the person's earlier one) if the round was sent to them and is open.</summary>
    public Task<Outcome<(Round Round, GivenAnswer<TAnswer> Answer)>> SubmitAsync<TAnswer, TTally>(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind<TAnswer, TTally> kind,
        string roundId,
        TAnswer answer,
        CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class =>
        SubmitAsync(tenant, person, code, kind, roundId, _ => new Outcome<TAnswer>.Done(answer), cancellationToken);

    /// <summary>
    /// Records an answer (replacing the person's earlier one) if the round was sent to them and is open.
    /// <paramref name="answerFor"/> makes the answer from what was entered once the round is known (free
    /// text is checked against the names of the round's people, who are staff, not patients): the person
    /// and the round are read and checked once per answer.
    /// </summary>
    public Task<Outcome<(Round Round, GivenAnswer<TAnswer> Answer)>> SubmitAsync<TAnswer, TTally>(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind<TAnswer, TTally> kind,
        string roundId,
        Func<Round, Outcome<TAnswer>> answerFor,
        CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(answerFor);
        return SubmitAsync(tenant, person, code, kind, roundId, round => Task.FromResult(answerFor(round)), cancellationToken);
    }

    /// <summary>
    /// Records an answer as <see cref="SubmitAsync{TAnswer, TTally}(TenantId, PersonId, ProjectCode, RoundKind{TAnswer, TTally},
    /// string, Func{Round, Outcome{TAnswer}}, CancellationToken)"/> does, with an answer whose making reads or writes
    /// something of the kind's feature (an attestation written to its gate) once the round is known to be open: a refusal
    /// there stores nothing.
    /// </summary>
    public async Task<Outcome<(Round Round, GivenAnswer<TAnswer> Answer)>> SubmitAsync<TAnswer, TTally>(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind<TAnswer, TTally> kind,
        string roundId,
        Func<Round, Task<Outcome<TAnswer>>> answerFor,
        CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(answerFor);
        var addressed = await AddressedRoundAsync(tenant, person, code, kind, roundId, cancellationToken);
        if (addressed is not Outcome<Round>.Done { Value: var round })
        {
            return addressed.Carry<(Round, GivenAnswer<TAnswer>)>();
        }

        if (!round.IsOpen(clock.GetUtcNow()))
        {
            return new Outcome<(Round, GivenAnswer<TAnswer>)>.Invalid(Problem.RoundClosed(kind, round.ClosesAt));
        }

        var made = await answerFor(round);
        if (made is not Outcome<TAnswer>.Done { Value: var answer })
        {
            return made.Carry<(Round, GivenAnswer<TAnswer>)>();
        }

        GivenAnswer<TAnswer> given;
        try
        {
            given = round.Accept(person, answer, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return new Outcome<(Round, GivenAnswer<TAnswer>)>.Invalid(e.Problem);
        }

        await store.SaveAnswerAsync(tenant, round, given, cancellationToken);
        if (!round.Anonymous)
        {
            // An anonymous round's log must not say who answered it.
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, kind.Answered, code, roundId), cancellationToken);
        }

        if (kind.ClosesWhenAllAnswered && await AllAnsweredAsync(tenant, round, kind, cancellationToken))
        {
            // Each answer is saved before the answers are read, so of two last answers at once at least one sees both.
            var now = clock.GetUtcNow();
            await store.CloseEarlyAsync(tenant, round, now, cancellationToken);
            round = round.ClosedEarly(now);
        }

        return new Outcome<(Round, GivenAnswer<TAnswer>)>.Done((round, given));
    }

    // Everyone in the audience still on the project has an answer (people removed since it opened cannot answer any more).
    private async Task<bool> AllAnsweredAsync<TAnswer, TTally>(
        TenantId tenant, Round round, RoundKind<TAnswer, TTally> kind, CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        OfKind(kind, round);
        var answered = round.Counted(await store.AnswersAsync<TAnswer>(tenant, round, cancellationToken))
            .Select(a => a.Respondent)
            .ToHashSet();
        foreach (var respondent in round.Audience.Where(r => !answered.Contains(round.KeyOf(r.Person))))
        {
            if (await projects.RoleOfAsync(tenant, round.Project, respondent.Person, cancellationToken) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The round, if the person is on its project and it was sent to them (authorized before the round is read).</summary>
    public async Task<Round?> RoundForAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind kind,
        string roundId,
        CancellationToken cancellationToken) =>
        await AddressedRoundAsync(tenant, person, code, kind, roundId, cancellationToken) is Outcome<Round>.Done { Value: var round }
            ? round
            : null;

    /// <summary>
    /// The round, if the person is on its project (decided before the round is read: someone not on the
    /// project learns nothing of its rounds) and it was sent to them.
    /// </summary>
    private async Task<Outcome<Round>> AddressedRoundAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind kind,
        string roundId,
        CancellationToken cancellationToken)
    {
        if (await projects.MemberRefusalAsync(access, tenant, person, code, ProjectAction.AnswerCheckIn, cancellationToken) is { } refusal)
        {
            return new Outcome<Round>.Refused(refusal);
        }

        return await store.GetRoundAsync(tenant, code, kind, roundId, cancellationToken) switch
        {
            null => new Outcome<Round>.NotFound(Problem.RoundGone(kind)),
            var round when !round.IsAddressedTo(person) => new Outcome<Round>.Refused(Refusal.NotSentToYou(code)),
            var round => new Outcome<Round>.Done(round),
        };
    }

    /// <summary>
    /// The person's own current answer to a round, if any (for "Change answer"): found by their key, never by anyone else's.
    /// </summary>
    public async Task<(Round? Round, GivenAnswer<TAnswer>? Answer)> AnswerOfAsync<TAnswer, TTally>(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        RoundKind<TAnswer, TTally> kind,
        string roundId,
        CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        if (await RoundForAsync(tenant, person, code, kind, roundId, cancellationToken) is not { } round)
        {
            return (null, null);
        }

        // After its deadline an anonymous round's key is not used again, even where a host still holds it in memory.
        return round.KeyDestroyed || (round.Anonymous && !round.IsOpen(clock.GetUtcNow()))
            ? (round, null)
            : (round, await store.AnswerAsync<TAnswer>(tenant, round, round.KeyOf(person), cancellationToken));
    }

    /// <summary>
    /// Keeps of a closed anonymous round's answers only what its results can show (<see cref="AnswerSeal"/>): called
    /// once its answers are final and counted, before it is closed; doing it again changes nothing.
    /// </summary>
    public async Task SealAsync<TAnswer, TTally>(
        TenantId tenant, RoundKind<TAnswer, TTally> kind, Round round, CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        OfKind(kind, round);
        if (!round.Anonymous || clock.GetUtcNow() < round.ClosesAt + AnswersSettle)
        {
            return;
        }

        var answers = await store.AnswersAsync<TAnswer>(tenant, round, cancellationToken);
        var before = answers.ToDictionary(a => a.Respondent);
        var changed = AnswerSeal.Of(round, answers, kind.Seal).Where(a => before[a.Respondent] != a);
        await Parallel.ForEachAsync(
            changed,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (a, ct) => await store.SaveAnswerAsync(tenant, round, a, ct));
    }

    /// <summary>
    /// What a round's answers add up to. Answers are refused after the deadline, so a closed round is
    /// counted once and the count kept beside it: every later reader (each week's digest, a trend) reads
    /// one row, never the answers again, and the cost of reading a project does not grow with its history.
    /// An open round is counted from its answers each time.
    /// </summary>
    public async Task<TTally> TallyAsync<TAnswer, TTally>(
        TenantId tenant, RoundKind<TAnswer, TTally> kind, Round round, CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        OfKind(kind, round);
        var final = clock.GetUtcNow() >= round.ClosesAt + AnswersSettle;
        if (final && await store.TallyAsync<TTally>(tenant, round, cancellationToken) is { } kept)
        {
            return kept;
        }

        var tally = kind.Tally(round, round.Counted(await store.AnswersAsync<TAnswer>(tenant, round, cancellationToken)));
        if (final)
        {
            await store.KeepTallyAsync(tenant, round, tally, cancellationToken);
        }

        return tally;
    }

    /// <summary>
    /// A closed round's last step, whatever its kind: counts its answers and keeps the count (<see cref="TallyAsync"/>), then
    /// keeps of an anonymous round's answers only what its results show (<see cref="SealAsync"/>).
    /// </summary>
    public Task CountAsync(TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Kind.CountAsync(this, tenant, round, cancellationToken);
    }

    private static void OfKind(RoundKind kind, Round round)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(round);
        if (round.Kind != kind)
        {
            throw new ArgumentException($"The round is a {round.Kind} round, not a {kind} round.", nameof(round));
        }
    }

    private static bool SameAudience(Round first, Round second) =>
        first.Audience.Select(r => r.Person).ToHashSet().SetEquals(second.Audience.Select(r => r.Person));
}

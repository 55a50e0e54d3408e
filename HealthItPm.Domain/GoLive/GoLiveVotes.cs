using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.GoLive;

/// <summary>A vote's decision as kept: the round, its tally, and who voted what and when (oldest first).</summary>
public sealed record VoteRecord(Round Round, VotePanel? Panel, GoLiveTally Tally, GoLiveDecision Decision, IReadOnlyList<CastVote> Votes);

/// <summary>One vote as the record shows it: who, their seat, what, their words, when.</summary>
public sealed record CastVote(Respondent Voter, bool Sponsor, bool MustOwner, GoLiveVote Vote, DateTimeOffset At);

/// <summary>
/// A vote still open as anyone on the project may see it: the round (when it closes, who is on the panel), how many of the
/// panel have voted and how many sit on it. Counts only: what anyone voted is not shown before the decision.
/// </summary>
public sealed record OpenVote(Round Round, int Voted, int Panel);

/// <summary>
/// The panel's go/no-go vote (a round of <see cref="GoLiveRounds.Kind"/>): the PM opens it for the panel they pick, with
/// the sponsor marked, on the scorecard as it stands; the round engine takes the votes; the decision follows
/// <see cref="GoLiveDecision.Decide"/>. Every vote is kept (a new vote is a new round), so each decision stays on record.
/// </summary>
public sealed class GoLiveVotes(
    RoundEngine engine, IRoundStore rounds, IProjectRepository projects, GoLiveService gate, AccessPolicy access)
{
    public const int MaxCloseAfterDays = 14;

    // Enough of the latest votes to find the newest closed one behind one still open.
    private const int VotesLookedAt = 4;

    /// <summary>
    /// Opens a vote for <paramref name="panel"/> (people on the project), <paramref name="sponsor"/> among them or none,
    /// closing after <paramref name="closeAfter"/> and reminding halfway. PM only; the gate must be set.
    /// </summary>
    public async Task<Outcome<Round>> StartAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        IReadOnlyCollection<PersonId> panel,
        PersonId? sponsor,
        TimeSpan closeAfter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageGoLiveGate, cancellationToken);
        if (project is not Outcome<Project>.Done { Value: var found })
        {
            return project.Carry<Round>();
        }

        // One decision at a time: a second vote beside an open one would split the panel's answers over two rounds.
        if (await OpenVoteAsync(tenant, code, cancellationToken) is { } open)
        {
            return new Outcome<Round>.Invalid(Problem.VoteAlreadyOpen(code, open.Round.ClosesAt));
        }

        var seated = panel.Where(p => found.RoleOf(p) is not null).ToHashSet();
        if (seated.Count == 0)
        {
            return new Outcome<Round>.Invalid(Problem.PanelEmpty());
        }

        if (sponsor is { } s && !seated.Contains(s))
        {
            return new Outcome<Round>.Invalid(Problem.SponsorNotOnPanel());
        }

        if (await gate.ScorecardOfAsync(tenant, found, cancellationToken) is not { } scorecard)
        {
            return new Outcome<Round>.NotFound(Problem.NoGateYet(code));
        }

        var settings = new RoundSettings(
            closeAfter / 2,
            closeAfter,
            false,
            new Audience(new HashSet<StakeholderRole>(), new HashSet<string>(), People: seated),
            VotePanel.Of(scorecard, seated, sponsor).Format());
        return await engine.StartAsync(tenant, person, found, GoLiveRounds.Kind, settings, cancellationToken);
    }

    /// <summary>The vote's record: its tally, decision and every vote with who cast it and when (for a project's reader).</summary>
    public async Task<VoteRecord> RecordAsync(TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var tally = await engine.TallyAsync(tenant, GoLiveRounds.Kind, round, cancellationToken);
        var counted = round.Counted(await rounds.AnswersAsync<GoLiveVote>(tenant, round, cancellationToken));
        var panel = VotePanel.Parse(round.Name);
        var votes = counted
            .OrderBy(v => v.At)
            .Select(v => (Voter: round.RespondentOf(v.Respondent), v))
            .Where(p => p.Voter is not null)
            .Select(p => new CastVote(
                p.Voter!,
                panel?.Sponsor == p.Voter!.Person,
                panel?.MustOwners.Contains(p.Voter.Person) == true,
                p.v.Answer,
                p.v.At))
            .ToList();
        return new VoteRecord(round, panel, tally, GoLiveDecision.Decide(panel, counted), votes);
    }

    /// <summary>The vote open now on the project, if any, with how many have voted (for someone allowed to see the gate).</summary>
    public async Task<OpenVote?> OpenVoteAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken)
    {
        var now = engine.Now;
        var open = (await rounds.LatestRoundsAsync(tenant, code, GoLiveRounds.Kind, VotesLookedAt, cancellationToken))
            .FirstOrDefault(r => r.IsOpen(now));
        if (open is null)
        {
            return null;
        }

        var voted = open.Counted(await rounds.AnswersAsync<GoLiveVote>(tenant, open, cancellationToken)).Count;
        return new OpenVote(open, voted, open.Audience.Count);
    }

    /// <summary>The latest closed vote's record, if any, for someone allowed to see the gate's project.</summary>
    public async Task<VoteRecord?> LastDecisionAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken)
    {
        var now = engine.Now;
        var closed = (await rounds.LatestRoundsAsync(tenant, code, GoLiveRounds.Kind, VotesLookedAt, cancellationToken))
            .FirstOrDefault(r => now >= r.ClosesAt);
        return closed is null ? null : await RecordAsync(tenant, closed, cancellationToken);
    }
}

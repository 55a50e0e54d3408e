using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>
/// A Health IT project: its plan (milestones), money (budget and spend), outcome measures (KPIs) and
/// people. Every change goes through a method that checks it; an invalid one throws
/// <see cref="DomainException"/> with a message for the person who asked.
/// </summary>
public sealed class Project
{
    public const int MaxNameLength = 80;

    private readonly Dictionary<PersonId, ProjectMember> _members;
    private readonly List<Milestone> _milestones;
    private readonly List<SpendEntry> _spend;
    private readonly List<Kpi> _kpis;
    private readonly List<PhaseChange> _phaseHistory;
    private List<PersonId> _chain;

    private Project(ProjectState state)
    {
        Code = state.Code;
        Name = GuardedText.Required(state.Name, ProjectFreeText.ProjectName, MaxNameLength);
        Kind = state.Kind;
        Phase = state.Phase;
        Schedule = state.Schedule;
        TimeZone = state.TimeZone;
        BudgetAtCompletion = state.BudgetAtCompletion;
        _members = state.Members.ToDictionary(m => m.Person);
        _milestones = [.. state.Milestones];
        _spend = [.. state.Spend];
        _kpis = [.. state.Kpis];
        _phaseHistory = [.. state.PhaseHistory ?? []];
        _chain = [.. state.EscalationChain ?? []];
        AcknowledgementSla = state.AcknowledgementSla ?? DefaultAcknowledgementSla;
        SlaInBusinessHours = state.SlaInBusinessHours;
    }

    /// <summary>How long a leader has to acknowledge an escalation before it climbs, unless the PM set another.</summary>
    public static readonly TimeSpan DefaultAcknowledgementSla = TimeSpan.FromHours(4);

    public static readonly TimeSpan MinAcknowledgementSla = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan MaxAcknowledgementSla = TimeSpan.FromHours(72);

    public ProjectCode Code { get; }

    public GuardedText Name { get; private set; }

    public ProjectKind Kind { get; }

    public ProjectPhase Phase { get; private set; }

    public ProjectSchedule Schedule { get; }

    /// <summary>IANA time zone id (e.g. America/Chicago) in which the project's dates and schedules are meant.</summary>
    public string TimeZone { get; }

    public decimal BudgetAtCompletion { get; private set; }

    public IReadOnlyCollection<ProjectMember> Members => _members.Values;

    public IReadOnlyList<Milestone> Milestones => _milestones;

    public IReadOnlyList<SpendEntry> Spend => _spend;

    public IReadOnlyList<Kpi> Kpis => _kpis;

    /// <summary>Every phase move, oldest first: who moved the project from which phase to which, and when.</summary>
    public IReadOnlyList<PhaseChange> PhaseHistory => _phaseHistory;

    /// <summary>When the project entered its current phase; null while it is still in the phase it was created in.</summary>
    public DateTimeOffset? PhaseSince => _phaseHistory.Count > 0 ? _phaseHistory[^1].At : null;

    public IEnumerable<ProjectMember> ProjectManagers => _members.Values.Where(m => m.Role == ProjectRole.ProjectManager);

    /// <summary>
    /// Who risks escalate to, level 1 first (the sponsor, then e.g. the CIO): the chain the PM set,
    /// or else the project's leaders in the order they were added. Only current leaders count.
    /// </summary>
    public IReadOnlyList<PersonId> EscalationChain =>
        [.. (_chain.Count > 0 ? _chain : _members.Values.Where(m => m.Role == ProjectRole.Leader).Select(m => m.Person))
            .Where(p => RoleOf(p) == ProjectRole.Leader)];

    public TimeSpan AcknowledgementSla { get; private set; }

    /// <summary>The acknowledgement SLA counts weekday office hours only (patient-safety risks excepted, by the policy).</summary>
    public bool SlaInBusinessHours { get; private set; }

    /// <summary>
    /// The PM's escalation policy: who, in order, how long each has to acknowledge, and whether nights and weekends count.
    /// </summary>
    public void SetEscalation(IReadOnlyList<PersonId> chain, TimeSpan acknowledgementSla, bool inBusinessHours)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (acknowledgementSla < MinAcknowledgementSla || acknowledgementSla > MaxAcknowledgementSla)
        {
            throw new DomainException(Problem.AcknowledgementTimeOutOfRange(MinAcknowledgementSla, MaxAcknowledgementSla));
        }

        if (chain.Count is < 1 or > 3 || chain.Distinct().Count() != chain.Count)
        {
            throw new DomainException(Problem.EscalationChainSize());
        }

        if (chain.Any(p => RoleOf(p) != ProjectRole.Leader))
        {
            throw new DomainException(Problem.EscalationChainNotLeaders());
        }

        (_chain, AcknowledgementSla, SlaInBusinessHours) = ([.. chain], acknowledgementSla, inBusinessHours);
    }

    public static Project Create(
        ProjectCode code,
        GuardedText name,
        ProjectKind kind,
        ProjectSchedule schedule,
        string timeZone,
        ProjectMember creator,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(creator);
        if (schedule.GoLive < today)
        {
            throw new DomainException(Problem.GoLiveInPast());
        }

        var pm = new ProjectMember(creator.Person, creator.DisplayName, ProjectRole.ProjectManager, creator.Discipline, creator.Department);
        return new Project(new ProjectState(
            code,
            name,
            kind,
            ProjectPhase.Planning,
            schedule,
            ValidTimeZone(timeZone),
            0,
            [pm],
            [],
            [],
            []));
    }

    /// <summary>Rebuilds a stored project; the state was valid when stored.</summary>
    public static Project Restore(ProjectState state) => new(state);

    public ProjectState ToState() => new(
        Code,
        Name,
        Kind,
        Phase,
        Schedule,
        TimeZone,
        BudgetAtCompletion,
        [.. _members.Values],
        [.. _milestones],
        [.. _spend],
        [.. _kpis],
        [.. _chain],
        AcknowledgementSla,
        SlaInBusinessHours,
        [.. _phaseHistory]);

    public ProjectRole? RoleOf(PersonId person) => _members.TryGetValue(person, out var member) ? member.Role : null;

    /// <summary>
    /// The phases a project may move to now: any later one (a phase can be skipped, e.g. a small
    /// project with no separate training), or back one (a go-live postponed returns to training).
    /// </summary>
    public IReadOnlyList<ProjectPhase> NextPhases =>
        [.. Enum.GetValues<ProjectPhase>().Where(p => p > Phase || p == Phase - 1)];

    /// <summary>Moves the project to another phase and records who did it and when.</summary>
    public void MoveTo(ProjectPhase phase, PersonId by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(phase))
        {
            throw new DomainException(Problem.NotAPhase());
        }

        if (phase == Phase)
        {
            throw new DomainException(Problem.AlreadyInPhase(Name, phase));
        }

        if (!NextPhases.Contains(phase))
        {
            throw new DomainException(Problem.OnePhaseBackAtATime(Name, Phase, Phase - 1));
        }

        _phaseHistory.Add(new PhaseChange(Phase, phase, by, at));
        Phase = phase;
    }

    public void AddMember(ProjectMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (_members.TryGetValue(member.Person, out var existing) && existing.Role > member.Role)
        {
            throw new DomainException(Problem.AlreadyMember(existing.DisplayName, existing.Role));
        }

        _members[member.Person] = member;
    }

    public void RemoveMember(PersonId person)
    {
        if (!_members.TryGetValue(person, out var member))
        {
            throw new DomainException(Problem.NotAMember());
        }

        if (member.Role == ProjectRole.ProjectManager && ProjectManagers.Count() == 1)
        {
            throw new DomainException(Problem.LastProjectManager());
        }

        _members.Remove(person);
    }

    public void AddMilestone(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (FindMilestone(milestone.Name) is not null)
        {
            throw new DomainException(Problem.MilestoneExists(milestone.Name));
        }

        _milestones.Add(milestone);
        _milestones.Sort((a, b) => a.PlannedDate.CompareTo(b.PlannedDate));
    }

    public void CompleteMilestone(string name, DateOnly doneDate, DateOnly today)
    {
        var milestone = FindMilestone(name) ?? throw new DomainException(Problem.NoSuchMilestone(name));
        if (doneDate > today)
        {
            throw new DomainException(Problem.MilestoneDoneInFuture());
        }

        _milestones[_milestones.IndexOf(milestone)] = milestone.MarkDone(doneDate);
    }

    /// <summary>Records how far an open milestone has got (0–99 percent); earned value follows it.</summary>
    public void RecordProgress(string name, int percentComplete)
    {
        var milestone = FindMilestone(name) ?? throw new DomainException(Problem.NoSuchMilestone(name));
        _milestones[_milestones.IndexOf(milestone)] = milestone.WithProgress(percentComplete);
    }

    public void SetBudget(decimal budgetAtCompletion)
    {
        if (budgetAtCompletion <= 0)
        {
            throw new DomainException(Problem.BudgetNotPositive());
        }

        BudgetAtCompletion = budgetAtCompletion;
    }

    public void RecordSpend(SpendEntry entry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Date > today)
        {
            throw new DomainException(Problem.SpendInFuture());
        }

        _spend.Add(entry);
    }

    public void AddKpi(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (FindKpi(kpi.Name) is not null)
        {
            throw new DomainException(Problem.KpiExists(kpi.Name));
        }

        _kpis.Add(kpi);
    }

    public void RecordKpi(string name, KpiMeasurement measurement, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var kpi = FindKpi(name) ?? throw new DomainException(Problem.NoSuchKpi(name));
        if (measurement.Date > today)
        {
            throw new DomainException(Problem.KpiMeasuredInFuture());
        }

        _kpis[_kpis.IndexOf(kpi)] = kpi.Record(measurement);
    }

    public EarnedValue EarnedValue(DateOnly today) => Projects.EarnedValue.Compute(BudgetAtCompletion, _milestones, _spend, today);

    /// <summary>The project's RAG status on <paramref name="today"/>: the default rules, and those another folder adds.</summary>
    public RagStatus Health(DateOnly today, IReadOnlyList<OpenRisk>? openRisks = null, IReadOnlyList<IRagRule>? moreRules = null) =>
        RagRules.Evaluate(
            new ProjectHealthInput(EarnedValue(today), _milestones, today, openRisks, Schedule.GoLive),
            moreRules is null ? null : [.. RagRules.Default, .. moreRules]);

    private Milestone? FindMilestone(string name) =>
        _milestones.Find(m => string.Equals(m.Name.Value, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private Kpi? FindKpi(string name) => _kpis.Find(k => string.Equals(k.Name.Value, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string ValidTimeZone(string timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out _))
        {
            throw new DomainException(Problem.NotATimeZone(timeZone));
        }

        return timeZone.Trim();
    }
}

/// <summary>Start, go-live and end dates, in that order.</summary>
public sealed record ProjectSchedule
{
    public ProjectSchedule(DateOnly start, DateOnly goLive, DateOnly end)
    {
        if (goLive < start || end < goLive)
        {
            throw new DomainException(Problem.DatesOutOfOrder());
        }

        Start = start;
        GoLive = goLive;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly GoLive { get; }

    public DateOnly End { get; }

    /// <summary>Days from <paramref name="today"/> to go-live; negative after it.</summary>
    public int DaysToGoLive(DateOnly today) => GoLive.DayNumber - today.DayNumber;
}

/// <summary>Everything a project is, for storing and restoring it.</summary>
public sealed record ProjectState(
    ProjectCode Code,
    GuardedText Name,
    ProjectKind Kind,
    ProjectPhase Phase,
    ProjectSchedule Schedule,
    string TimeZone,
    decimal BudgetAtCompletion,
    IReadOnlyList<ProjectMember> Members,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<SpendEntry> Spend,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<PersonId>? EscalationChain = null,
    TimeSpan? AcknowledgementSla = null,
    bool SlaInBusinessHours = false,
    IReadOnlyList<PhaseChange>? PhaseHistory = null);

/// <summary>A project moved from one phase to another: by whom, when.</summary>
public sealed record PhaseChange(ProjectPhase From, ProjectPhase To, PersonId By, DateTimeOffset At);

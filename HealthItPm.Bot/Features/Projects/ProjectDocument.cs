using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// The stored shape of a project, kept apart from the domain types so either can change with an
/// explicit mapping in between. Version 1. No acknowledgement time means the default (4 hours around the clock).
/// </summary>
internal sealed record ProjectDocument(
    int SchemaVersion,
    string Code,
    string Name,
    ProjectKind Kind,
    ProjectPhase Phase,
    DateOnly Start,
    DateOnly GoLive,
    DateOnly End,
    string TimeZone,
    decimal BudgetAtCompletion,
    IReadOnlyList<ProjectDocument.MemberDocument> Members,
    IReadOnlyList<ProjectDocument.MilestoneDocument> Milestones,
    IReadOnlyList<ProjectDocument.SpendDocument> Spend,
    IReadOnlyList<ProjectDocument.KpiDocument> Kpis,
    IReadOnlyList<string> EscalationChain,
    int? AcknowledgementSlaMinutes,
    bool SlaInBusinessHours,
    IReadOnlyList<ProjectDocument.PhaseChangeDocument> PhaseHistory)
    : IStoredDocument<ProjectDocument>
{
    public static int CurrentVersion => 1;

    internal sealed record MemberDocument(
        string Person, string DisplayName, ProjectRole Role, StakeholderRole Discipline, string? Department);

    internal sealed record MilestoneDocument(
        string Name, DateOnly PlannedDate, decimal Weight, DateOnly? DoneDate, int? PercentComplete);

    internal sealed record PhaseChangeDocument(ProjectPhase From, ProjectPhase To, string By, DateTimeOffset At);

    internal sealed record SpendDocument(decimal Amount, DateOnly Date, string? Note);

    internal sealed record KpiDocument(
        string Name,
        string Unit,
        decimal Baseline,
        decimal Target,
        KpiDirection Direction,
        IReadOnlyList<KpiMeasurement> Measurements);

    public static ProjectDocument From(ProjectState state) => new(
        CurrentVersion,
        state.Code.Value,
        state.Name.Value,
        state.Kind,
        state.Phase,
        state.Schedule.Start,
        state.Schedule.GoLive,
        state.Schedule.End,
        state.TimeZone,
        state.BudgetAtCompletion,
        [.. state.Members.Select(m => new MemberDocument(m.Person.Value, m.DisplayName, m.Role, m.Discipline, m.Department?.Value))],
        [.. state.Milestones.Select(m => new MilestoneDocument(m.Name.Value, m.PlannedDate, m.Weight, m.DoneDate, m.PercentComplete))],
        [.. state.Spend.Select(s => new SpendDocument(s.Amount, s.Date, s.Note?.Value))],
        [.. state.Kpis.Select(k => new KpiDocument(k.Name.Value, k.Unit.Value, k.Baseline, k.Target, k.Direction, k.Measurements))],
        [.. (state.EscalationChain ?? []).Select(p => p.Value)],
        state.AcknowledgementSla is { } sla ? (int)sla.TotalMinutes : null,
        state.SlaInBusinessHours,
        [.. (state.PhaseHistory ?? []).Select(c => new PhaseChangeDocument(c.From, c.To, c.By.Value, c.At))]);

    public ProjectState ToState() => new(
        new ProjectCode(Code),
        GuardedText.Restore(Name),
        Kind,
        Phase,
        new ProjectSchedule(Start, GoLive, End),
        TimeZone,
        BudgetAtCompletion,
        [.. Members.Select(m =>
            new ProjectMember(new PersonId(m.Person), m.DisplayName, m.Role, m.Discipline, GuardedText.Restore(m.Department)))],
        [.. Milestones.Select(m => new Milestone(GuardedText.Restore(m.Name), m.PlannedDate, m.Weight, m.DoneDate, m.PercentComplete))],
        [.. Spend.Select(s => new SpendEntry(s.Amount, s.Date, GuardedText.Restore(s.Note)))],
        [.. Kpis.Select(k =>
            new Kpi(GuardedText.Restore(k.Name), GuardedText.Restore(k.Unit), k.Baseline, k.Target, k.Direction, k.Measurements))],
        [.. EscalationChain.Select(p => new PersonId(p))],
        AcknowledgementSlaMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
        SlaInBusinessHours,
        [.. PhaseHistory.Select(c => new PhaseChange(c.From, c.To, new PersonId(c.By), c.At))]);
}

using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>The stored shape of a concern. Version 1.</summary>
internal sealed record ConcernDocument(
    int SchemaVersion,
    string Project,
    int Number,
    string Text,
    string ReportedBy,
    string ReporterName,
    DateTimeOffset At,
    ConcernState State,
    string? Outcome)
    : IStoredDocument<ConcernDocument>
{
    public static int CurrentVersion => 1;

    // Outcome is the risk a concern became, or the reason it was dismissed, as its state says.
    public static ConcernDocument From(Concern c) => new(
        CurrentVersion,
        c.Project.Value,
        c.Number,
        c.Text.Value,
        c.ReportedBy.Value,
        c.ReporterName,
        c.At,
        c.State,
        c.Risk?.ToString() ?? c.DismissedBecause?.Value);

    public Concern ToConcern() => new(
        new ProjectCode(Project),
        Number,
        GuardedText.Restore(Text),
        new PersonId(ReportedBy),
        ReporterName,
        At,
        State,
        State == ConcernState.LoggedAsRisk && RiskId.TryParse(Outcome, out var risk) ? risk : null,
        State == ConcernState.Dismissed ? GuardedText.Restore(Outcome) : null);
}

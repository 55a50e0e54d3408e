using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Storage.Risks;

/// <summary>The stored shape of a concern. Version 1.</summary>
internal sealed record ConcernDocument(int SchemaVersion, string Project, int Number, string Text, string ReportedBy, string ReporterName, DateTimeOffset At, ConcernState State, string? Outcome)
{
    public static ConcernDocument From(Concern c) => new(1, c.Project.Value, c.Number, c.Text, c.ReportedBy.Value, c.ReporterName, c.At, c.State, c.Outcome);

    public Concern ToConcern() => new(new ProjectCode(Project), Number, Text, new PersonId(ReportedBy), ReporterName, At, State, Outcome);
}

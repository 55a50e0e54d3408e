using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Storage.CheckIns;

/// <summary>The stored shape of a check-in round. Version 1.</summary>
internal sealed record RoundDocument(
    int SchemaVersion,
    string Project,
    DateTimeOffset OpensAt,
    TimeSpan RemindAfter,
    TimeSpan CloseAfter,
    bool Anonymous,
    IReadOnlyList<RoundDocument.RespondentDocument> Audience)
{
    internal sealed record RespondentDocument(string Person, string Name, StakeholderRole Discipline, string? Department);

    public static RoundDocument From(CheckInRound round) => new(
        1,
        round.Project.Value,
        round.OpensAt,
        round.RemindAt - round.OpensAt,
        round.ClosesAt - round.OpensAt,
        round.Anonymous,
        [.. round.Audience.Select(r => new RespondentDocument(r.Person.Value, r.Name, r.Discipline, r.Department))]);

    public CheckInRound ToRound() => new(
        new ProjectCode(Project),
        OpensAt,
        RemindAfter,
        CloseAfter,
        Anonymous,
        Audience.Select(r => new Respondent(new PersonId(r.Person), r.Name, r.Discipline, r.Department)));
}

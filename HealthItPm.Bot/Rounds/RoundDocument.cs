using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// The stored shape of a round of any kind. Version 1. An anonymous round's key is never here: it is kept in
/// <see cref="AnonymityKeyTable"/>, apart from the answers, until the round closes. <paramref name="Kind"/> is the kind's
/// name, for whoever reads the row: the round table reads a round as the kind whose keys it is stored under.
/// </summary>
internal sealed record RoundDocument(
    int SchemaVersion,
    string Project,
    DateTimeOffset OpensAt,
    TimeSpan RemindAfter,
    TimeSpan CloseAfter,
    bool Anonymous,
    IReadOnlyList<RoundDocument.RespondentDocument> Audience,
    string Kind,
    string? Name)
    : IStoredDocument<RoundDocument>
{
    internal sealed record RespondentDocument(string Person, string Name, StakeholderRole Discipline, string? Department);

    public static int CurrentVersion => 1;

    public static RoundDocument From(Round round) => new(
        CurrentVersion,
        round.Project.Value,
        round.OpensAt,
        round.RemindAt - round.OpensAt,
        round.Deadline - round.OpensAt,
        round.Anonymous,
        [.. round.Audience.Select(r => new RespondentDocument(r.Person.Value, r.Name, r.Discipline, r.Department))],
        round.Kind.Name,
        round.Name);

    /// <summary>
    /// The round of <paramref name="kind"/> (the kind whose keys it is stored under), with its anonymity key from the key
    /// table: an anonymous round without one had it destroyed when it closed; closed early when everyone answered, if so.
    /// </summary>
    public Round ToRound(RoundKind kind, string? key, DateTimeOffset? closedEarlyAt) => new(
        new ProjectCode(Project),
        OpensAt,
        RemindAfter,
        CloseAfter,
        Anonymous,
        Audience.Select(r => new Respondent(new PersonId(r.Person), r.Name, r.Discipline, r.Department)),
        Kind == kind.Name ? kind : throw new InvalidOperationException($"A {Kind} round is stored under {kind} keys."),
        Name,
        key,
        keyDestroyed: Anonymous && key is null,
        closedEarlyAt: closedEarlyAt);
}

using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// The stored shape of a round. Version 1 (check-ins only) had no kind, name or key: it reads as an
/// attributed or anonymous round of the kind it is stored under whose answers are keyed by the person's id.
/// Version 2 kept an anonymous round's key in the document, beside the answers; version 3 keeps it in
/// <see cref="AnonymityKeyTable"/> and never here. <paramref name="Kind"/> is the kind's name, for whoever reads the
/// row: the round table reads a round as the kind whose keys it is stored under.
/// </summary>
internal sealed record RoundDocument(
    int SchemaVersion,
    string Project,
    DateTimeOffset OpensAt,
    TimeSpan RemindAfter,
    TimeSpan CloseAfter,
    bool Anonymous,
    IReadOnlyList<RoundDocument.RespondentDocument> Audience,
    string? Kind = null,
    string? Name = null,
    string? AnonymityKey = null)
    : IStoredDocument<RoundDocument>
{
    internal sealed record RespondentDocument(string Person, string Name, StakeholderRole Discipline, string? Department);

    public static int CurrentVersion => 3;

    public static RoundDocument From(Round round) => new(
        CurrentVersion,
        round.Project.Value,
        round.OpensAt,
        round.RemindAt - round.OpensAt,
        round.ClosesAt - round.OpensAt,
        round.Anonymous,
        [.. round.Audience.Select(r => new RespondentDocument(r.Person.Value, r.Name, r.Discipline, r.Department))],
        round.Kind.Name,
        round.Name);

    /// <summary>
    /// The round of <paramref name="kind"/> (the kind whose keys it is stored under), with its anonymity key: the one a
    /// version 2 document holds, else <paramref name="key"/> from the key table; an anonymous round of version 3 without
    /// one had it destroyed when it closed.
    /// </summary>
    public Round ToRound(RoundKind kind, string? key) => new(
        new ProjectCode(Project),
        OpensAt,
        RemindAfter,
        CloseAfter,
        Anonymous,
        Audience.Select(r => new Respondent(new PersonId(r.Person), r.Name, r.Discipline, r.Department)),
        Kind is null || Kind == kind.Name ? kind : throw new InvalidOperationException($"A {Kind} round is stored under {kind} keys."),
        Name,
        AnonymityKey ?? key,
        keyDestroyed: Anonymous && SchemaVersion >= 3 && key is null);
}

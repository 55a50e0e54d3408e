using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>The stored shape of a go-live gate: its date, checkpoints, criteria and kept checkpoints. Version 1.</summary>
internal sealed record GateDocument(
    int SchemaVersion,
    string Project,
    DateOnly Date,
    DateOnly SetOn,
    IReadOnlyList<int> CheckpointDays,
    IReadOnlyList<GateDocument.CriterionDocument> Criteria,
    IReadOnlyList<GateDocument.CheckpointDocument> Checkpoints,
    int LastNumber)
    : IStoredDocument<GateDocument>
{
    public static int CurrentVersion => 1;

    internal sealed record CriterionDocument(
        int Number,
        GateGroup Group,
        string? TemplateKey,
        string? Name,
        Importance Importance,
        string Owner,
        Measure? Measure,
        decimal? Threshold,
        string? Subject,
        int StaleAfterDays,
        AttestationDocument? Attestation);

    internal sealed record AttestationDocument(AttestedState State, string Evidence, DateOnly On, string By);

    internal sealed record CheckpointDocument(
        int DaysBefore,
        DateOnly KeptOn,
        Recommendation Recommendation,
        IReadOnlyList<KeptCriterion> Criteria,
        IReadOnlyList<string> Remind);

    public static GateDocument From(GoLiveGate gate)
    {
        var s = gate.ToState();
        return new GateDocument(
            CurrentVersion,
            s.Project.Value,
            s.Date,
            s.SetOn,
            s.CheckpointDays,
            [.. s.Criteria.Select(c => new CriterionDocument(
                c.Number,
                c.Group,
                c.TemplateKey,
                c.Name,
                c.Importance,
                c.Owner.Value,
                c.Measure,
                c.Threshold,
                c.Subject,
                c.StaleAfterDays,
                c.Attestation is { } a ? new AttestationDocument(a.State, a.Evidence, a.On, a.By.Value) : null))],
            [.. s.Checkpoints.Select(k => new CheckpointDocument(
                k.DaysBefore, k.KeptOn, k.Recommendation, k.Criteria, [.. k.Remind.Select(p => p.Value)]))],
            s.LastNumber);
    }

    public GoLiveGate ToGate() => GoLiveGate.Restore(new GateState(
        new ProjectCode(Project),
        Date,
        SetOn,
        CheckpointDays,
        [.. Criteria.Select(c => new GateCriterion(
            c.Number,
            c.Group,
            c.TemplateKey,
            GuardedText.Restore(c.Name),
            c.Importance,
            new PersonId(c.Owner),
            c.Measure,
            c.Threshold,
            GuardedText.Restore(c.Subject),
            c.StaleAfterDays,
            c.Attestation is { } a
                ? new Attestation(a.State, GuardedText.Restore(a.Evidence), a.On, new PersonId(a.By))
                : null))],
        [.. Checkpoints.Select(k => new Checkpoint(
            k.DaysBefore, k.KeptOn, k.Recommendation, k.Criteria, [.. k.Remind.Select(p => new PersonId(p))]))],
        LastNumber));
}

using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Readiness;

/// <summary>Test data for waves: people, answers written as five digits ("45344"), waves that take them.</summary>
internal static class AdkarWaves
{
    public static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);

    public static Respondent Person(int i, string? department = "ICU", StakeholderRole discipline = StakeholderRole.Nurse) =>
        new(new PersonId(new Guid(i, 0x1111, 0x4111, 0x81, 0, 0, 0, 0, 0, 0, 1).ToString()), $"Person {i}", discipline, department);

    public static AdkarAnswer Answer(string scores, string? comment = null) =>
        AdkarAnswer.Create([.. scores.Select(c => new AdkarScore(c - '0'))], Guarded.From(comment));

    public static Round Wave(
        IEnumerable<Respondent> audience,
        bool anonymous = false,
        string name = "pre go-live",
        DateTimeOffset? opens = null) =>
        new(
            new ProjectCode("EHR"),
            opens ?? Opens,
            TimeSpan.FromHours(24),
            TimeSpan.FromHours(48),
            anonymous,
            audience,
            AdkarRounds.Kind,
            name,
            anonymous ? Round.NewAnonymityKey() : null);

    /// <summary>The wave's results with each respondent answering the scores at the same index (null: no answer).</summary>
    public static AdkarResults Results(
        Round wave,
        IReadOnlyList<Respondent> people,
        IReadOnlyList<string?> scores,
        AdkarResults? previous = null)
    {
        var answers = people.Zip(scores)
            .Where(x => x.Second is not null)
            .Select(x => wave.Accept(x.First.Person, Answer(x.Second!), wave.OpensAt.AddMinutes(5)))
            .ToList();
        return AdkarResults.From(wave, answers, wave.OpensAt.AddHours(49), previous);
    }
}

using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using static HealthItPm.Domain.Tests.Readiness.AdkarWaves;

namespace HealthItPm.Domain.Tests.Rounds;

/// <summary>How the round engine keys answers: by the person in attributed rounds, by a keyed hash in anonymous ones.</summary>
public class RoundAnonymityTests
{
    private static readonly Respondent Nurse = Person(1);
    private static readonly Respondent Pharmacist = Person(2, "Pharmacy", StakeholderRole.Pharmacist);

    [Fact]
    public void An_attributed_round_keys_answers_by_the_person()
    {
        var wave = Wave([Nurse, Pharmacist]);

        Assert.Equal(Nurse.Person.Value, wave.KeyOf(Nurse.Person).Value);
        Assert.Null(wave.AnonymityKey);
    }

    [Fact]
    public void An_anonymous_round_keys_answers_by_a_keyed_hash_not_the_id()
    {
        var wave = Wave([Nurse, Pharmacist], anonymous: true);
        var key = wave.KeyOf(Nurse.Person);

        Assert.DoesNotContain(Nurse.Person.Value, key.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{64}$", key.Value);
        Assert.Equal(key, wave.KeyOf(Nurse.Person));
        Assert.NotEqual(key, wave.KeyOf(Pharmacist.Person));
        Assert.Same(Nurse, wave.RespondentOf(key));
    }

    [Fact]
    public void Each_anonymous_round_has_its_own_key_so_answers_cannot_be_linked_across_waves()
    {
        var first = Wave([Nurse], anonymous: true);
        var second = Wave([Nurse], anonymous: true);

        Assert.NotEqual(first.AnonymityKey, second.AnonymityKey);
        Assert.NotEqual(first.KeyOf(Nurse.Person), second.KeyOf(Nurse.Person));
    }

    [Fact]
    public void A_restored_anonymous_round_finds_the_same_respondent_keys()
    {
        var wave = Wave([Nurse], anonymous: true);
        var restored = new Round(
            wave.Project, wave.OpensAt, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse], AdkarRounds.Kind, wave.Name,
            wave.AnonymityKey);

        Assert.Equal(wave.KeyOf(Nurse.Person), restored.KeyOf(Nurse.Person));
    }

    [Fact]
    public void An_anonymous_answer_keeps_one_per_person_changeable_and_its_group()
    {
        var wave = Wave([Nurse, Pharmacist], anonymous: true);
        var first = wave.Accept(Pharmacist.Person, Answer("22222"), Opens.AddMinutes(1));
        var changed = wave.Accept(Pharmacist.Person, Answer("44444"), Opens.AddMinutes(2));

        Assert.Equal(first.Respondent, changed.Respondent);
        Assert.Equal((StakeholderRole.Pharmacist, "Pharmacy"), (changed.Discipline, changed.Department));
        Assert.Equal(changed, Assert.Single(wave.Counted([first, changed])));
    }

    [Fact]
    public void An_anonymous_round_cannot_be_made_without_its_key_until_the_key_is_destroyed()
    {
        Assert.Throws<ArgumentException>(() => new Round(
            new ProjectCode("EHR"), Opens, TimeSpan.FromHours(1), TimeSpan.FromHours(2), true, [Nurse], CheckInRounds.Kind));

        var closed = new Round(
            new ProjectCode("EHR"), Opens, TimeSpan.FromHours(1), TimeSpan.FromHours(2), true, [Nurse], CheckInRounds.Kind,
            keyDestroyed: true);
        Assert.Null(closed.AnonymityKey);
        Assert.True(closed.KeyDestroyed);
    }

    [Fact]
    public void Someone_outside_the_wave_cannot_answer_it()
    {
        var error = Assert.Throws<DomainException>(() => Wave([Nurse]).Accept(Pharmacist.Person, Answer("44444"), Opens.AddMinutes(1)));

        Assert.Equal(Problem.RoundNotSentToYou(AdkarRounds.Kind), error.Problem);
    }
}

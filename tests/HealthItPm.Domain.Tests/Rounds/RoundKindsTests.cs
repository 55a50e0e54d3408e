using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Tests.Rounds;

/// <summary>
/// The kinds of round are declared once, each in its own folder and found from there, and each has its own name, audit kinds,
/// topics and declared free text.
/// </summary>
public class RoundKindsTests
{
    private sealed record ToyAnswer(int Vote, GuardedText? Note) : IFreeTextAnswer<ToyAnswer>
    {
        public GuardedText? TextOf(FreeText field) => Note;

        public ToyAnswer WithoutPatientDetails(FreeText field) => this with { Note = RemovedText.Marker };
    }

    private static RoundKind<ToyAnswer, ToyAnswer> Toy(
        string name = "Toy",
        AuditKind? started = null,
        AuditKind? answered = null,
        RoundTopics? topics = null,
        FreeText[]? freeText = null) =>
        new(
            name,
            started ?? new AuditKind("ToyStarted"),
            answered ?? new AuditKind("ToyAnswered"),
            topics ?? new("toy.card", "toy.reminder", "toy.end"),
            freeText ?? [new FreeText("ToyNote")],
            (_, counted) => counted[0].Answer,
            (a, _) => a);

    [Fact]
    public void Every_kind_a_folder_declares_is_found_once_without_a_list()
    {
        Assert.Contains(CheckInRounds.Kind, RoundKinds.All);
        Assert.Contains(AdkarRounds.Kind, RoundKinds.All);
        Assert.Equal(RoundKinds.All.Count, RoundKinds.All.Select(k => k.Name).Distinct().Count());
        Assert.DoesNotContain(RoundKinds.All, k => k.Name == "Toy");
    }

    [Fact]
    public void Every_declared_kind_has_every_piece_and_its_own()
    {
        Assert.True(RoundKinds.All.Count >= 2);
        Assert.Empty(RoundKinds.Gaps(RoundKinds.All));
        Assert.Empty(RoundKinds.Gaps([.. RoundKinds.All, Toy()]));
    }

    [Fact]
    public void The_check_finds_a_kind_that_takes_another_kinds_topics_or_audit_kinds()
    {
        var other = RoundKinds.All[^1];
        var copy = Toy(started: other.Started, topics: new("toy.card", other.Topics.Reminder, "toy.end"));

        var gaps = RoundKinds.Gaps([.. RoundKinds.All, copy]);

        Assert.Contains(gaps, g => g.StartsWith("Round kind 'Toy': its audit kinds", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g == $"Round kind 'Toy': delivery topics {other.Topics.Reminder} belong to another kind.");
        Assert.Contains(gaps, g => g.StartsWith($"Round kind '{other}': delivery topics {other.Topics.Reminder}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("go live", "toy.card", "toy.reminder", "its name must be one word")]
    [InlineData("Toy", "toy.card", "toy.card", "it needs three different delivery topics")]
    [InlineData("Toy", "toy.card", " ", "it needs three different delivery topics")]
    [InlineData("", "toy.card", "toy.reminder", "another kind has the same name")]
    public void The_check_finds_a_kind_missing_a_piece(string name, string card, string reminder, string gap)
    {
        // An empty name here stands for another kind's, in other case.
        name = name.Length == 0 ? RoundKinds.All[0].Name.ToLowerInvariant() : name;
        var gaps = RoundKinds.Gaps([.. RoundKinds.All, Toy(name, topics: new(card, reminder, "toy.end"))]);

        Assert.Contains(gaps, g => g.Contains(gap, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_finds_free_text_the_kind_does_not_check_for_phi()
    {
        var gaps = RoundKinds.Gaps([Toy(freeText: [])]);

        Assert.Equal(["Round kind 'Toy': ToyAnswer has 1 free-text field(s), but the kind declares 0 to check for PHI."], gaps);
    }

    [Fact]
    public async Task The_engine_counts_a_round_with_its_own_kind_only()
    {
        var wave = new Round(new ProjectCode("EHR"), DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1), TimeSpan.FromHours(2), false, [],
            AdkarRounds.Kind);
        var access = new Domain.Security.AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId>());
        var engine = new RoundEngine(
            new Fakes.InMemoryRounds(), new Fakes.InMemoryProjects(), access, new Fakes.InMemoryAuditLog(), TimeProvider.System);
        var tenant = new TenantId("9b0f3c1e-2d4a-4e6b-8c7d-1f2e3a4b5c6d");

        await Assert.ThrowsAsync<ArgumentException>(() => engine.TallyAsync(tenant, CheckInRounds.Kind, wave, default));
    }
}

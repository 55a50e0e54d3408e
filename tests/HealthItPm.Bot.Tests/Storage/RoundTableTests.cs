using System.Text.RegularExpressions;
using Azure.Data.Tables;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>
/// One table for rounds of every kind: every row starts with its kind, so kinds never collide; anonymous answers are keyed by hash.
/// </summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class RoundTableTests(StorageEnvironment env)
{
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly ProjectCode Code = new("EHR");
    private static readonly Respondent Nurse = new(new PersonId(Guid.NewGuid().ToString()), "Nina Patel", StakeholderRole.Nurse, "ICU");

    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    // Every kind the host registers, so a new kind is stored beside the others here without naming it.
    private static readonly RoundKindCatalog Kinds = HostComposition.Services.GetRequiredService<RoundKindCatalog>();

    private RoundTable Table => new(env.Tables, new GroupCommit(env.Tables), Kinds);

    [Fact]
    public async Task Rounds_of_every_kind_opened_in_the_same_minute_are_a_round_each()
    {
        var rounds = Kinds.All.Select(d => new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse],
            d.Kind, $"{d.Kind} round", Round.NewAnonymityKey())).ToList();

        foreach (var round in rounds)
        {
            Assert.True(await Table.AddRoundAsync(_tenant, round, default));
        }

        Assert.False(await Table.AddRoundAsync(_tenant, rounds[^1], default));
        Assert.True(Kinds.All.Count >= 2);
        Assert.Single(rounds.Select(r => r.Id).Distinct());
        foreach (var round in rounds)
        {
            var stored = Assert.Single(await Table.LatestRoundsAsync(_tenant, Code, round.Kind, 5, default));
            Assert.Equal((round.Kind, round.Name, round.AnonymityKey), (stored.Kind, stored.Name, stored.AnonymityKey));
        }

        var open = (await Table.OpenRoundsAsync(default)).Where(o => o.Tenant == _tenant).Select(o => o.Kind.Name).Order();
        Assert.Equal(Kinds.All.Select(d => d.Kind.Name).Order(), open);
        var prefixes = string.Join("|", Kinds.All.Select(d => Regex.Escape(d.StoragePrefix)));
        var rows = new TableClient(env.Azurite.ConnectionString, RoundTable.Name)
            .Query<TableEntity>($"PartitionKey eq '{_tenant.Value}|EHR'")
            .Select(r => r.RowKey);
        Assert.All(rows, key => Assert.Matches($@"^({prefixes})(round|latest)\|?", key));
    }

    [Fact]
    public async Task An_anonymous_answer_is_stored_under_its_hash_found_again_and_replaced()
    {
        var wave = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse],
            AdkarRounds.Kind, "pre go-live", Round.NewAnonymityKey());
        await Table.AddRoundAsync(_tenant, wave, default);
        var scores = AdkarAnswer.Create([.. "45323".Select(c => new AdkarScore(c - '0'))], Guarded.From("More practice time"));

        await Table.SaveAnswerAsync(_tenant, wave, wave.Accept(Nurse.Person, AdkarAnswer.Create([.. "11111".Select(c => new AdkarScore(c - '0'))], comment: null), Opens.AddMinutes(1)), default);
        await Table.SaveAnswerAsync(_tenant, wave, wave.Accept(Nurse.Person, scores, Opens.AddMinutes(2)), default);

        var answer = Assert.Single(await Table.AnswersAsync<AdkarAnswer>(_tenant, wave, default));
        Assert.Equal((scores, StakeholderRole.Nurse, "ICU"), (answer.Answer, answer.Discipline, answer.Department));
        Assert.True(await Table.HasAnsweredAsync(_tenant, wave, wave.KeyOf(Nurse.Person), default));
        var rows = new TableClient(env.Azurite.ConnectionString, RoundTable.Name).Query<TableEntity>($"PartitionKey eq '{_tenant.Value}|EHR|adkar|{wave.Id}'").Select(r => r.RowKey).ToList();
        Assert.Contains($"adkar|answer|{wave.Id}|{wave.KeyOf(Nurse.Person).Value}", rows);
        Assert.DoesNotContain(rows, r => r.Contains(Nurse.Person.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_anonymous_rounds_key_is_kept_apart_from_its_answers_and_destroyed_when_it_closes()
    {
        Respondent[] people = [.. Enumerable.Range(0, 6).Select(i => new Respondent(new PersonId(Guid.NewGuid().ToString()), $"Person {i}", StakeholderRole.Nurse, "ICU"))];
        var wave = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, people,
            AdkarRounds.Kind, "pre go-live", Round.NewAnonymityKey());
        await Table.AddRoundAsync(_tenant, wave, default);
        foreach (var person in people)
        {
            await Table.SaveAnswerAsync(_tenant, wave, wave.Accept(person.Person, AdkarAnswer.Create([.. "44444".Select(c => new AdkarScore(c - '0'))], comment: null), Opens.AddMinutes(1)), default);
        }

        // Whoever reads the answers' table finds nothing that would let them recompute the keyed hashes.
        var answersTable = new TableClient(env.Azurite.ConnectionString, RoundTable.Name);
        var stored = answersTable.Query<TableEntity>($"PartitionKey eq '{_tenant.Value}|EHR'").ToList();
        Assert.DoesNotContain(stored, row => row.Any(column => column.Value is string v && v.Contains(wave.AnonymityKey!, StringComparison.Ordinal)));
        var keys = new TableClient(env.Azurite.ConnectionString, AnonymityKeyTable.Name);
        Assert.Equal(wave.AnonymityKey, Assert.Single(keys.Query<TableEntity>($"PartitionKey eq '{_tenant.Value}|EHR'")).GetString("Key"));

        // While open a fresh reader (another host) finds each person's answer by their key.
        var reread = (await Table.GetRoundAsync(_tenant, Code, AdkarRounds.Kind, wave.Id, default))!;
        Assert.Equal(wave.KeyOf(people[0].Person), reread.KeyOf(people[0].Person));

        // Closed: the key is gone, and a fresh reader counts every answer without being able to link any to anyone.
        Assert.True(await Table.CloseRoundAsync(_tenant, Code, AdkarRounds.Kind, wave.Id, default));
        Assert.Empty(keys.Query<TableEntity>($"PartitionKey eq '{_tenant.Value}|EHR'"));
        var closed = (await Table.GetRoundAsync(_tenant, Code, AdkarRounds.Kind, wave.Id, default))!;
        Assert.True(closed.KeyDestroyed);
        var answers = await Table.AnswersAsync<AdkarAnswer>(_tenant, closed, default);
        Assert.Equal(6, closed.Counted(answers).Count);
        Assert.All(answers, a => Assert.Null(closed.RespondentOf(a.Respondent)));
        var results = AdkarResults.From(closed, answers, Opens.AddHours(49));
        Assert.Equal((6, 4m), (results.AnsweredCount, results.Elements[0].Mean));
    }

    [Fact]
    public async Task A_closed_anonymous_round_opened_again_under_its_id_gets_no_key_back()
    {
        var wave = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse],
            AdkarRounds.Kind, "pre go-live", Round.NewAnonymityKey());
        await Table.AddRoundAsync(_tenant, wave, default);
        await Table.CloseRoundAsync(_tenant, Code, AdkarRounds.Kind, wave.Id, default);

        var again = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse],
            AdkarRounds.Kind, "pre go-live", Round.NewAnonymityKey());
        Assert.False(await Table.AddRoundAsync(_tenant, again, default));

        Assert.Empty(new TableClient(env.Azurite.ConnectionString, AnonymityKeyTable.Name).Query<TableEntity>($"PartitionKey eq '{_tenant.Value}|EHR'"));
        Assert.True((await Table.GetRoundAsync(_tenant, Code, AdkarRounds.Kind, wave.Id, default))!.KeyDestroyed);
    }

    [Fact]
    public async Task The_latest_rounds_come_from_the_list_kept_with_each_round_newest_first_however_they_were_started()
    {
        // Started out of order and at the same time, through two hosts' tables.
        var rounds = Enumerable.Range(0, 6).Select(i => new Round(Code, Opens.AddDays(7 * ((i * 5) % 6)),
            TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, [Nurse], CheckInRounds.Kind)).ToList();
        var hosts = new[] { Table, Table };
        Assert.All(await Task.WhenAll(rounds.Select((r, i) => hosts[i % 2].AddRoundAsync(_tenant, r, default))), Assert.True);
        Assert.False(await Table.AddRoundAsync(_tenant, rounds[3], default));

        var latest = await Table.LatestRoundsAsync(_tenant, Code, CheckInRounds.Kind, 4, default);
        Assert.Equal(rounds.Select(r => r.Id).OrderDescending(StringComparer.Ordinal).Take(4), latest.Select(r => r.Id));

        // A round row written behind the list's back is not seen: the latest rounds are point reads, not a query of the table.
        var table = new TableClient(env.Azurite.ConnectionString, RoundTable.Name);
        static string RoundKey(DateTimeOffset opens) =>
            "checkin|round|"
            + (DateTimeOffset.MaxValue.UtcTicks - opens.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        var stray = await table.GetEntityAsync<TableEntity>($"{_tenant.Value}|EHR", RoundKey(rounds[0].OpensAt));
        stray.Value.RowKey = RoundKey(Opens.AddYears(1));
        await table.AddEntityAsync(stray.Value);
        Assert.Equal(latest.Select(r => r.Id), (await Table.LatestRoundsAsync(_tenant, Code,
            CheckInRounds.Kind, 4, default)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_rounds_tally_is_kept_beside_it_per_kind_and_read_back_only_as_the_type_it_was_kept_as()
    {
        var checkIn = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, [Nurse], CheckInRounds.Kind);
        var wave = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse],
            AdkarRounds.Kind, "pre go-live", Round.NewAnonymityKey());
        var readiness = new WaveTally(new ReadinessSnapshot("pre go-live", Opens.AddHours(48), 12, 0.25m, AdkarElement.Knowledge, 0.5m));

        await Table.KeepTallyAsync(_tenant, checkIn, new CheckInTally(40, 3), default);
        await Table.KeepTallyAsync(_tenant, wave, readiness, default);

        Assert.Equal(new CheckInTally(40, 3), await Table.TallyAsync<CheckInTally>(_tenant, checkIn, default));
        Assert.Equal(readiness, await Table.TallyAsync<WaveTally>(_tenant, wave, default));
        Assert.Null(await Table.TallyAsync<WaveTally>(_tenant, checkIn, default));
    }
}

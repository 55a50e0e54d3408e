using Azure.Data.Tables;
using HealthItPm.Bot.Storage.Rounds;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>One table for rounds of every kind: kinds never collide, check-in rows stored before waves still read, anonymous answers are keyed by hash.</summary>
[Collection(SharedStorageEnvironment.Name)]
public class RoundTableTests(StorageEnvironment env)
{
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly ProjectCode Code = new("EHR");
    private static readonly Respondent Nurse = new(new PersonId(Guid.NewGuid().ToString()), "Nina Patel", StakeholderRole.Nurse, "ICU");

    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private RoundTable Table => new(env.Tables);

    [Fact]
    public async Task A_check_in_and_a_wave_opened_in_the_same_minute_are_two_rounds()
    {
        var checkIn = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, [Nurse]);
        var wave = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse], RoundKind.Adkar, "pre go-live", Round.NewAnonymityKey());

        Assert.True(await Table.AddRoundAsync(_tenant, checkIn, default));
        Assert.True(await Table.AddRoundAsync(_tenant, wave, default));
        Assert.False(await Table.AddRoundAsync(_tenant, wave, default));

        Assert.Equal(checkIn.Id, wave.Id);
        Assert.Equal(RoundKind.CheckIn, Assert.Single(await Table.LatestRoundsAsync(_tenant, Code, RoundKind.CheckIn, 5, default)).Kind);
        var storedWave = Assert.Single(await Table.LatestRoundsAsync(_tenant, Code, RoundKind.Adkar, 5, default));
        Assert.Equal(("pre go-live", wave.AnonymityKey), (storedWave.Name, storedWave.AnonymityKey));
        Assert.Equal([RoundKind.CheckIn, RoundKind.Adkar], (await Table.OpenRoundsAsync(default)).Where(o => o.Tenant == _tenant).Select(o => o.Kind).Order());
    }

    [Fact]
    public async Task An_anonymous_answer_is_stored_under_its_hash_found_again_and_replaced()
    {
        var wave = new Round(Code, Opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, [Nurse], RoundKind.Adkar, "pre go-live", Round.NewAnonymityKey());
        await Table.AddRoundAsync(_tenant, wave, default);
        var scores = AdkarAnswer.Create([.. "45323".Select(c => new AdkarScore(c - '0'))], Guarded.From("More practice time"));

        await Table.SaveAnswerAsync(_tenant, wave, wave.Accept(Nurse.Person, AdkarAnswer.Create([.. "11111".Select(c => new AdkarScore(c - '0'))], comment: null), Opens.AddMinutes(1)), default);
        await Table.SaveAnswerAsync(_tenant, wave, wave.Accept(Nurse.Person, scores, Opens.AddMinutes(2)), default);

        var answer = Assert.Single(await Table.AnswersAsync<AdkarAnswer>(_tenant, wave, default));
        Assert.Equal((scores, StakeholderRole.Nurse, "ICU"), (answer.Answer, answer.Discipline, answer.Department));
        Assert.True(await Table.HasAnsweredAsync(_tenant, wave, wave.KeyOf(Nurse.Person), default));
        var rows = new TableClient(env.Azurite.ConnectionString, RoundTable.Name).Query<TableEntity>($"PartitionKey eq '{_tenant.Value}|EHR'").Select(r => r.RowKey).ToList();
        Assert.Contains($"adkar|answer|{wave.Id}|{wave.KeyOf(Nurse.Person).Value}", rows);
        Assert.DoesNotContain(rows, r => r.Contains(Nurse.Person.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Check_in_rows_stored_before_the_round_engine_still_read()
    {
        // A version 1 round document (no kind, name or key) and an answer row without groups, as stored before waves existed.
        var table = new TableClient(env.Azurite.ConnectionString, RoundTable.Name);
        await table.CreateIfNotExistsAsync();
        var partition = $"{_tenant.Value}|EHR";
        var round = new TableEntity(partition, "round|" + (DateTimeOffset.MaxValue.UtcTicks - Opens.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["RoundId"] = "20261201T1600Z",
            ["JsonParts"] = 1,
            ["Json0"] = $$"""{"schemaVersion":1,"project":"EHR","opensAt":"2026-12-01T16:00:00+00:00","remindAfter":"1.00:00:00","closeAfter":"2.00:00:00","anonymous":true,"audience":[{"person":"{{Nurse.Person.Value}}","name":"Nina Patel","discipline":"Nurse","department":"ICU"}]}""",
        };
        await table.AddEntityAsync(round);
        await table.AddEntityAsync(new TableEntity(partition, $"answer|20261201T1600Z|{Nurse.Person.Value}") { ["Status"] = "Blocked", ["Impact"] = 4, ["Blockers"] = "Scanners drop", ["TrainingNeeded"] = true, ["At"] = Opens.AddHours(1) });

        var stored = (await Table.GetRoundAsync(_tenant, Code, RoundKind.CheckIn, "20261201T1600Z", default))!;
        var answer = Assert.Single(await Table.AnswersAsync<CheckInAnswer>(_tenant, stored, default));

        Assert.Equal((RoundKind.CheckIn, true, null), (stored.Kind, stored.Anonymous, stored.AnonymityKey));
        Assert.Equal(Nurse.Person.Value, answer.Respondent.Value);
        Assert.Equal((CheckInStatus.Blocked, 4, "Scanners drop"), (answer.Answer.Status, answer.Answer.Impact!.Value.Value, answer.Answer.Blockers));
        Assert.Equal((StakeholderRole.Nurse, "ICU"), (answer.Discipline, answer.Department));
        Assert.Equal(answer, await Table.AnswerAsync<CheckInAnswer>(_tenant, stored, stored.KeyOf(Nurse.Person), default));
    }
}

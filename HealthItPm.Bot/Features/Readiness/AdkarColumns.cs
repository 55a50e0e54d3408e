using Azure.Data.Tables;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>Awareness, Desire, Knowledge, Ability, Reinforcement (1–5) and Comment.</summary>
internal sealed class AdkarColumns : AnswerColumns<AdkarAnswer>
{
    public override void Write(TableEntity row, AdkarAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(answer);
        foreach (var element in AdkarAnswer.Elements)
        {
            row[element.ToString()] = answer[element].Value;
        }

        row["Comment"] = answer.Comment?.Value;
    }

    public override AdkarAnswer Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return AdkarAnswer.Restore(
            [.. AdkarAnswer.Elements.Select(e => new AdkarScore(row.GetInt32(e.ToString())!.Value))],
            GuardedText.Restore(row.GetString("Comment")));
    }
}

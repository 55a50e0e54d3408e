using Azure.Data.Tables;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>Criterion, State and Evidence.</summary>
internal sealed class AttestColumns : AnswerColumns<AttestAnswer>
{
    public override void Write(TableEntity row, AttestAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(answer);
        row["Criterion"] = answer.Criterion;
        row["State"] = answer.State.ToString();
        row["Evidence"] = answer.Evidence.Value;
    }

    public override AttestAnswer Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return AttestAnswer.Restore(
            row.GetInt32("Criterion") ?? 0,
            Enum.Parse<AttestedState>(row.GetString("State")!),
            GuardedText.Restore(row.GetString("Evidence"))!);
    }
}

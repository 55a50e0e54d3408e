using Azure.Data.Tables;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>Status, Impact, Blockers and TrainingNeeded.</summary>
internal sealed class CheckInColumns : AnswerColumns<CheckInAnswer>
{
    public override void Write(TableEntity row, CheckInAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(answer);
        row["Status"] = answer.Status.ToString();
        row["Impact"] = answer.Impact?.Value;
        row["Blockers"] = answer.Blockers?.Value;
        row["TrainingNeeded"] = answer.TrainingNeeded;
    }

    public override CheckInAnswer Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CheckInAnswer.Restore(
            Enum.Parse<CheckInStatus>(row.GetString("Status")),
            row.GetInt32("Impact") is { } impact ? new WorkflowImpact(impact) : null,
            GuardedText.Restore(row.GetString("Blockers")),
            row.GetBoolean("TrainingNeeded") ?? false);
    }
}

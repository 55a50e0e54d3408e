using Azure.Data.Tables;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>Choice, Conditions and Reason.</summary>
internal sealed class GoLiveVoteColumns : AnswerColumns<GoLiveVote>
{
    public override void Write(TableEntity row, GoLiveVote answer)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(answer);
        row["Choice"] = answer.Choice.ToString();
        row["Conditions"] = answer.Conditions?.Value;
        row["Reason"] = answer.Reason?.Value;
    }

    public override GoLiveVote Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return GoLiveVote.Restore(
            Enum.Parse<VoteChoice>(row.GetString("Choice")!),
            GuardedText.Restore(row.GetString("Conditions")),
            GuardedText.Restore(row.GetString("Reason")));
    }
}

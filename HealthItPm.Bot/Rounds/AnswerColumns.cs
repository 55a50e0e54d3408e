using Azure.Data.Tables;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;

namespace HealthItPm.Bot.Rounds;

/// <summary>How one question set's answer is written to, and read from, an answer row's columns.</summary>
internal abstract class AnswerColumns<TAnswer>
{
    public abstract void Write(TableEntity row, TAnswer answer);

    public abstract TAnswer Read(TableEntity row);
}

/// <summary>The columns of every question set, found by the answer's type.</summary>
internal static class AnswerColumns
{
    public static AnswerColumns<TAnswer> For<TAnswer>() =>
        (typeof(TAnswer) == typeof(CheckInAnswer) ? CheckInColumns.Instance as AnswerColumns<TAnswer>
        : typeof(TAnswer) == typeof(AdkarAnswer) ? AdkarColumns.Instance as AnswerColumns<TAnswer>
        : null) ?? throw new NotSupportedException($"No stored shape for answers of type {typeof(TAnswer).Name}.");

    /// <summary>Status, Impact, Blockers and TrainingNeeded.</summary>
    private sealed class CheckInColumns : AnswerColumns<CheckInAnswer>
    {
        public static readonly CheckInColumns Instance = new();

        public override void Write(TableEntity row, CheckInAnswer answer)
        {
            row["Status"] = answer.Status.ToString();
            row["Impact"] = answer.Impact?.Value;
            row["Blockers"] = answer.Blockers?.Value;
            row["TrainingNeeded"] = answer.TrainingNeeded;
        }

        public override CheckInAnswer Read(TableEntity row) => CheckInAnswer.Restore(
            Enum.Parse<CheckInStatus>(row.GetString("Status")),
            row.GetInt32("Impact") is { } impact ? new WorkflowImpact(impact) : null,
            GuardedText.Restore(row.GetString("Blockers")),
            row.GetBoolean("TrainingNeeded") ?? false);
    }

    /// <summary>Awareness, Desire, Knowledge, Ability, Reinforcement (1–5) and Comment.</summary>
    private sealed class AdkarColumns : AnswerColumns<AdkarAnswer>
    {
        public static readonly AdkarColumns Instance = new();

        public override void Write(TableEntity row, AdkarAnswer answer)
        {
            foreach (var element in AdkarAnswer.Elements)
            {
                row[element.ToString()] = answer[element].Value;
            }

            row["Comment"] = answer.Comment?.Value;
        }

        public override AdkarAnswer Read(TableEntity row) => AdkarAnswer.Restore(
            [.. AdkarAnswer.Elements.Select(e => new AdkarScore(row.GetInt32(e.ToString())!.Value))],
            GuardedText.Restore(row.GetString("Comment")));
    }
}

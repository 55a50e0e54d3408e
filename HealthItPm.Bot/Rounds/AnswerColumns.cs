using Azure.Data.Tables;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// How one kind's answer is written to, and read from, an answer row's columns (the row's keys, time and group are the
/// round table's). Each kind's descriptor has its own (<see cref="RoundKindDescriptor{TAnswer, TTally, TChoices}.Columns"/>).
/// </summary>
public abstract class AnswerColumns<TAnswer>
{
    public abstract void Write(TableEntity row, TAnswer answer);

    public abstract TAnswer Read(TableEntity row);
}

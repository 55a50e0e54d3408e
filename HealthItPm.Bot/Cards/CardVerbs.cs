namespace HealthItPm.Bot.Cards;

/// <summary>The verbs card actions carry; each has one handler under <c>Teams/CardActions</c>.</summary>
public static class CardVerbs
{
    public const string RunCommand = "command.run";
}

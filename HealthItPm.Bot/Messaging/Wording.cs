using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Texts;

namespace HealthItPm.Bot.Messaging;

/// <summary>
/// What the bot says in its replies, forms and notices: one resource file of Texts/ (Commands*.resx), read in the
/// current UI culture, its values formatted for the current culture — the reader's (the turn's, or the recipient's
/// when a card is composed for a delivery). A value a person typed is escaped by the caller, as for any worded sentence.
/// </summary>
public sealed class Wording
{
    private readonly TextResource _texts;

    internal Wording(Type file) => _texts = new TextResource(file);

    /// <summary>Replies shared by every area: who is asking, which project, what went wrong.</summary>
    public static Wording Common { get; } = new(typeof(CommandsCommon));

    /// <summary>What the forms and replies of every kind of round share (a kind's own are in its feature's words).</summary>
    public static Wording Rounds { get; } = new(typeof(CommandsRounds));

    public string this[string name] => _texts[name];

    /// <summary>The sentence <paramref name="name"/> with its values, formatted for the reader's culture.</summary>
    public string Say(string name, params object?[] values) => _texts.Format(name, values);

    /// <inheritdoc cref="TextResource.Count"/>
    public string Count(string name, int count, params object?[] values) => _texts.Count(name, count, values);

    /// <summary>
    /// The sentence as markdown of the bot's own (see <see cref="TextResource.Markdown"/>): a person's text among
    /// <paramref name="values"/> is escaped there, and a moment given as <see cref="Cards.Elements.Markdown.When"/>
    /// stays a date the reader's Teams shows in their zone. A sentence that names a moment is worded this way.
    /// </summary>
    public Markdown Markdown(string name, params object?[] values) => _texts.Markdown(name, values);

    /// <inheritdoc cref="TextResource.CountMarkdown"/>
    public Markdown CountMarkdown(string name, int count, params object?[] values) => _texts.CountMarkdown(name, count, values);
}

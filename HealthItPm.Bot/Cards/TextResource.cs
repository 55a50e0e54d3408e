using System.Globalization;
using HealthItPm.Bot.Cards.Elements;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// One resource file of Texts/ (named by its marker class), read in the UI culture current when a text is
/// asked for. Card builders are static functions of their model, so each file has one localizer for the process.
/// </summary>
internal sealed class TextResource(Type file)
{
    private readonly IStringLocalizer _texts =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(file);

    public string this[string name] =>
        _texts[name] is { ResourceNotFound: false } text
            ? text.Value
            : throw new InvalidOperationException($"{file.Name}.resx has no text named {name}.");

    /// <summary>
    /// The text with its values formatted for the current culture (the reader's), for places that show it
    /// literally: a label, a button, a choice, a TextRun, a fact in plain words.
    /// </summary>
    public string Format(string name, params object?[] values) => string.Format(CultureInfo.CurrentCulture, this[name], values);

    /// <summary>One of two texts by a count: <c>{name}_One</c> for exactly one, <c>{name}_Other</c> otherwise; the count is {0}.</summary>
    public string Count(string name, int count, params object?[] values) =>
        Format(count == 1 ? $"{name}_One" : $"{name}_Other", [count, .. values]);

    /// <summary>
    /// The text as markdown of the bot's own, its values escaped unless
    /// they are markdown already (see <see cref="Markdown.Sentence"/>).
    /// </summary>
    public Markdown Markdown(string name, params object?[] values) => Elements.Markdown.Sentence(this[name], values);

    /// <summary><see cref="Count"/> as markdown of the bot's own, its values escaped unless they are markdown already.</summary>
    public Markdown CountMarkdown(string name, int count, params object?[] values) =>
        Markdown(count == 1 ? $"{name}_One" : $"{name}_Other", [count, .. values]);
}

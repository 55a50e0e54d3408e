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
        _texts[name] is { ResourceNotFound: false } text ? text.Value : throw new InvalidOperationException($"{file.Name}.resx has no text named {name}.");
}

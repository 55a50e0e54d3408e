using System.Globalization;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using Newtonsoft.Json.Linq;
using HealthItPm.Bot.Telemetry;

namespace HealthItPm.Bot.Cards.Forms;

/// <summary>
/// Reads a submitted form. The data came from a card and is untrusted: every value is checked
/// against its field (required, length, range, date format, one of the offered choices), and each
/// problem is kept as a message for that field so the form can be shown again with the entries kept.
/// </summary>
public sealed class FormValues
{
    // Longer text is not kept for showing again: no field accepts anywhere near this much.
    private const int KeptLength = 2_000;

    private static TextResource Texts => CardTexts.Common;

    private readonly Dictionary<string, string> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public FormValues(JObject data, IEnumerable<FormField> fields)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            var value = data[field.Id] switch
            {
                JValue { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float } v =>
                    Convert.ToString(v.Value, CultureInfo.InvariantCulture)!.Trim(),
                _ => string.Empty,
            };
            // One person more than a field takes is kept, so that picking too many is refused rather than cut short.
            var kept = field is PeopleField ? (PeopleField.MaxPicked + 1) * (PersonChoice.Length + 1) : KeptLength;
            _raw[field.Id] = value.Length > kept ? value[..kept] : value;
        }
    }

    public IReadOnlyDictionary<string, string> Raw => _raw;

    public IReadOnlyDictionary<string, string> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public string? Text(TextField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = Present(field);
        if (value is not null && value.Length > field.MaxLength)
        {
            AddError(field.Id, Texts.Format("Form_TooLong", field.Label, field.MaxLength, value.Length));
            return null;
        }

        return value;
    }

    /// <summary>
    /// Free text that will be stored or shown to others, checked for PHI in <paramref name="context"/>
    /// (<see cref="GuardedText.Check"/>). Suspected PHI gets its message beside the field, and the text
    /// kept for showing the form again has the suspected parts masked, so no PHI travels back to the chat.
    /// </summary>
    public GuardedText? Guarded(TextField field, PhiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Text(field) is not { } value)
        {
            return null;
        }

        var (text, phi) = GuardedText.Check(value, context);
        if (phi.Count > 0)
        {
            Refuse(field, value, phi);
        }

        return text;
    }

    /// <summary>Marks <paramref name="field"/> as holding suspected PHI: the finding beside it, its text masked.</summary>
    public void Refuse(FormField field, string value, IReadOnlyList<PhiFinding> phi)
    {
        ArgumentNullException.ThrowIfNull(field);
        BotTelemetry.PhiRefused(field.Id);
        AddError(field.Id, ProblemText.Of(Problem.PhiFound(value, phi)));
        _raw[field.Id] = PhiGuard.Mask(value, phi);
    }

    public decimal? Number(NumberField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Present(field) is not { } value)
        {
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            AddError(field.Id, Texts.Format("Form_NotANumber", field.Label));
            return null;
        }

        if (number < field.Min || number > field.Max)
        {
            AddError(field.Id, Texts.Format("Form_NumberOutOfRange", field.Label, field.Min, field.Max));
            return null;
        }

        return number;
    }

    /// <summary>
    /// An amount as people type it ("$2,400,000", "2.4M", "2,400,000.50"), in the hospital's currency,
    /// separators read as <paramref name="decimalSeparator"/> says when they could mean either.
    /// </summary>
    public decimal? Money(MoneyField field, Currency currency, char decimalSeparator)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Present(field) is not { } value)
        {
            return null;
        }

        if (!MoneyAmount.TryParse(value, currency, decimalSeparator, out var amount, out var problem))
        {
            AddError(field.Id, Texts.Format("Form_Problem", field.Label, ProblemText.Of(problem!)));
            return null;
        }

        if (amount < field.Min || amount > field.Max)
        {
            AddError(field.Id, Texts.Format("Form_MoneyOutOfRange", field.Label, field.Min, field.Max, currency.Code));
            return null;
        }

        return amount;
    }

    /// <summary>The way Input.Date sends and takes a date.</summary>
    public static string DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date; with <paramref name="notAfter"/>, one later than that day
    /// is refused (things done or measured cannot be in the future).
    /// </summary>
    public DateOnly? Date(DateField field, DateOnly? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Present(field) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date > notAfter)
            {
                AddError(field.Id, Texts.Format("Form_DateInFuture", field.Label));
                return null;
            }

            return date;
        }

        AddError(field.Id, Texts.Format("Form_NotADate", field.Label));
        return null;
    }

    public TimeOnly? Time(TimeField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Present(field) is not { } value)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        AddError(field.Id, Texts.Format("Form_NotATime", field.Label));
        return null;
    }

    /// <summary>One of the offered choices; anything else (a tampered card) is refused.</summary>
    public string? Choice(ChoiceField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = Present(field);
        if (value is null || field.Choices.Any(c => c.Value == value))
        {
            return value;
        }

        AddError(field.Id, NotInTheList(field));
        return null;
    }

    public TEnum? Choice<TEnum>(ChoiceField field)
        where TEnum : struct, Enum =>
        Choice(field) is { } value && Enum.TryParse<TEnum>(value, out var parsed) ? parsed : null;

    /// <summary>Several of the offered choices (a multi-select sends them comma-separated).</summary>
    public IReadOnlyList<string> Choices(ChoiceField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var values = (Present(field) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (values.Any(v => field.Choices.All(c => c.Value != v)))
        {
            AddError(field.Id, NotInTheList(field));
            return [];
        }

        return values;
    }

    /// <summary>
    /// The people picked (a multi-select sends them comma-separated), as ids: whether each may be added
    /// is for the caller to check against whom it offers (the search's answers are not in the card).
    /// </summary>
    public IReadOnlyList<PersonId> People(PeopleField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var values = (Present(field) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var people = new List<PersonId>();
        foreach (var value in values)
        {
            if (!PersonChoice.TryRead(value, out var person))
            {
                AddError(field.Id, NotInTheList(field));
                return [];
            }

            people.Add(person);
        }

        if (people.Count > PeopleField.MaxPicked)
        {
            AddError(field.Id, Texts.Format("Form_TooManyPeople", PeopleField.MaxPicked));
            return [];
        }

        return people;
    }

    /// <summary>Records a problem found after reading (e.g. the end date before the start date).</summary>
    public void AddError(string fieldId, string message) => _errors.TryAdd(fieldId, message);

    /// <summary>The form again, with the entries and messages; <paramref name="formError"/> goes on top.</summary>
    public FormModel Reshow(FormModel blank, string? formError = null) =>
        Reshow(blank, formError is null ? null : Markdown.Worded(formError));

    /// <summary>The form again with a message on top worded as markdown of the bot's own (e.g. one that names a moment).</summary>
    public FormModel Reshow(FormModel blank, Markdown? formError)
    {
        ArgumentNullException.ThrowIfNull(blank);
        return blank with { Values = _raw, Errors = _errors, FormError = formError };
    }

    // The label inside the sentence, as a noun: "Pick the owner from the list".
    private static string NotInTheList(FormField field) =>
        Texts.Format("Form_NotInTheList", field.Label.ToLower(CultureInfo.CurrentCulture));

    private string? Present(FormField field)
    {
        var value = _raw[field.Id];
        if (value.Length > 0)
        {
            return value;
        }

        if (field.Required)
        {
            _errors.TryAdd(field.Id, Texts.Format("Form_Required", field.Label));
        }

        return null;
    }
}

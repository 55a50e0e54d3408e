using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// The personal data the bot handles and never writes to a log: people's names and the free text
/// they type (and anything that may quote it, such as an exception's message). A log parameter that
/// may carry either is marked with <see cref="PersonNameAttribute"/> or <see cref="FreeTextAttribute"/>,
/// and the redactor registered by <see cref="AddPersonalDataRedaction"/> erases it before any log
/// provider sees the entry.
/// </summary>
public static class PersonalData
{
    public const string Taxonomy = "HealthItPm";

    public static DataClassification Name { get; } = new(Taxonomy, nameof(Name));

    public static DataClassification FreeText { get; } = new(Taxonomy, nameof(FreeText));

    /// <summary>Erases names and free text from every log entry (Microsoft.Extensions.Compliance.Redaction).</summary>
    public static WebApplicationBuilder AddPersonalDataRedaction(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction => redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(Name, FreeText)));
        return builder;
    }
}

/// <summary>A log parameter that may hold a person's name.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonNameAttribute : DataClassificationAttribute
{
    public PersonNameAttribute()
        : base(PersonalData.Name)
    {
    }
}

/// <summary>A log parameter that may hold text a person typed, or quote it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class FreeTextAttribute : DataClassificationAttribute
{
    public FreeTextAttribute()
        : base(PersonalData.FreeText)
    {
    }
}

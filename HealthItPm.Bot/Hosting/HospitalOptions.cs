using System.ComponentModel.DataAnnotations;
using HealthItPm.Domain.Common;

namespace HealthItPm.Bot.Hosting;

/// <summary>Settings of the hospital as a whole.</summary>
public sealed class HospitalOptions : IValidatableObject
{
    public const string SectionName = "Hospital";

    /// <summary>The ISO 4217 code of the currency budgets and spend are kept in (shown on every amount); USD unless set.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>
    /// The hospital's time zone (an IANA name): leaders get their digest
    /// at 07:00 here until their own Teams reports theirs. UTC unless set.
    /// </summary>
    public string TimeZone { get; init; } = "UTC";

    public Currency ToCurrency() => new(Currency);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Currency is not { Length: 3 } code || !code.All(char.IsAsciiLetter))
        {
            yield return new ValidationResult(
                $"Hospital:Currency is '{Currency}'; use an ISO 4217 code of three letters such as USD, EUR or GBP.", [nameof(Currency)]);
        }

        if (!Domain.Digests.DigestSchedule.IsTimeZone(TimeZone))
        {
            yield return new ValidationResult(
                $"Hospital:TimeZone is '{TimeZone}'; use an IANA time zone such as America/Chicago or Europe/London.", [nameof(TimeZone)]);
        }
    }
}

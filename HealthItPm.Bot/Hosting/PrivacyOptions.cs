using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Bot.Hosting;

/// <summary>What the PHI guard may treat as staff rather than patients (section <c>Privacy</c>).</summary>
public sealed partial class PrivacyOptions : IValidatableObject
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// The hospital's and its vendors' e-mail and web domains (e.g.
    /// <c>hospital.example</c>): addresses on them are not PHI.
    /// </summary>
    public IList<string> StaffEmailDomains { get; init; } = [];

    public StaffDomains ToStaffDomains() => new([.. StaffEmailDomains]);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        StaffEmailDomains.Where(d => !DomainName().IsMatch(d)).Select(d => new ValidationResult(
            $"Privacy:StaffEmailDomains contains '{d}', which is not a domain name (e.g. hospital.example).",
            [nameof(StaffEmailDomains)]));

    [GeneratedRegex(
        @"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}

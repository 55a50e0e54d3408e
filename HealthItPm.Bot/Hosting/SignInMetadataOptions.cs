using System.ComponentModel.DataAnnotations;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// How the bot fetches the Bot Connector's OpenID metadata and signing keys (<see cref="SignInMetadata"/>), and how
/// long it trusts the last keys it fetched when the metadata cannot be reached. With the defaults the bot rides out
/// at least 12 hours of an outage of the sign-in service, and never checks a token against keys older than a day.
/// </summary>
public sealed class SignInMetadataOptions : IValidatableObject
{
    public const string SectionName = "SignInMetadata";

    /// <summary>The longest <see cref="KeepLastGoodFor"/> may be: keys Microsoft has withdrawn are not trusted for longer.</summary>
    public static readonly TimeSpan LongestKeep = TimeSpan.FromDays(5);

    /// <summary>How long one fetch (the metadata document and its keys) may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Keys older than this are fetched again, in the background while they are still kept.</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long after they were fetched the keys are still used while fetching them again fails; after that a
    /// token is answered 503 until the metadata can be fetched.
    /// </summary>
    public TimeSpan KeepLastGoodFor { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromSeconds(30))
        {
            // Teams gives up on a request after 10-15 s: a longer fetch would hold requests nobody waits for.
            yield return new ValidationResult("SignInMetadata:Timeout must be between 00:00:01 and 00:00:30.", [nameof(Timeout)]);
        }

        if (RefreshAfter < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("SignInMetadata:RefreshAfter must be at least 00:01:00.", [nameof(RefreshAfter)]);
        }

        if (KeepLastGoodFor < RefreshAfter || KeepLastGoodFor > LongestKeep)
        {
            yield return new ValidationResult(
                $"SignInMetadata:KeepLastGoodFor must be at least SignInMetadata:RefreshAfter ({RefreshAfter}) and at most {LongestKeep}.",
                [nameof(KeepLastGoodFor)]);
        }
    }
}

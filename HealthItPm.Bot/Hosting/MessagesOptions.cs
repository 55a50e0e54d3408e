using System.ComponentModel.DataAnnotations;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// Limits on <c>POST /api/messages</c>. Teams activities are well under 100 KB; Teams itself can
/// send bursts (a card sent to a ward, everyone answering at once), so the rates are generous by
/// default and configurable — a load test raises them, an adversarial test lowers them.
/// </summary>
public sealed class MessagesOptions : IValidatableObject
{
    public const string SectionName = "Messages";

    /// <summary>Larger bodies are answered 413 without being read further.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Per remote address, before authentication: every request counts, authenticated or not.</summary>
    public RateLimitOptions PerAddress { get; set; } = new() { Burst = 400, PerSecond = 200 };

    /// <summary>Per person (tenant and Azure AD object id), after authentication: the turns one person starts.</summary>
    public RateLimitOptions PerCaller { get; set; } = new() { Burst = 60, PerSecond = 10 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBodyBytes is < 1024 or > 30 * 1024 * 1024)
        {
            yield return new ValidationResult("Messages:MaxBodyBytes must be between 1024 and 31457280 (30 MB).", [nameof(MaxBodyBytes)]);
        }

        foreach (var (name, limit) in new[] { (nameof(PerAddress), PerAddress), (nameof(PerCaller), PerCaller) })
        {
            if (limit.Burst < 1 || limit.PerSecond < 1)
            {
                yield return new ValidationResult($"Messages:{name}:Burst and Messages:{name}:PerSecond must be at least 1.", [name]);
            }
        }
    }
}

/// <summary>A token bucket: up to <see cref="Burst"/> requests at once, refilled by <see cref="PerSecond"/> each second.</summary>
public sealed class RateLimitOptions
{
    public int Burst { get; set; }

    public int PerSecond { get; set; }
}

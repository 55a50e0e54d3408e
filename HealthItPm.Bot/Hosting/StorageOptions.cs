using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// Where state lives: an Azure Storage account reached as the bot's managed identity (no key to
/// keep or rotate; the account can refuse shared keys altogether), an account reached by
/// connection string, or Azurite locally.
/// </summary>
public sealed partial class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>When set, the bot reaches this account as its managed identity and <see cref="ConnectionString"/> is not used.</summary>
    public string? AccountName { get; set; }

    /// <summary>The client id of the user-assigned managed identity that holds the account's data roles.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The cloud's storage DNS suffix (another for sovereign clouds).</summary>
    public string EndpointSuffix { get; set; } = "core.windows.net";

    public bool UsesManagedIdentity => !string.IsNullOrWhiteSpace(AccountName);

    /// <summary>The account's endpoint for a service (<c>table</c>, <c>queue</c>), when <see cref="UsesManagedIdentity"/>.</summary>
    public Uri ServiceUri(string service) => new($"https://{AccountName}.{service}.{EndpointSuffix}");

    /// <summary>The bot's managed identity, when <see cref="UsesManagedIdentity"/>.</summary>
    public TokenCredential ManagedIdentity() =>
        new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ManagedIdentityClientId!));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        UsesManagedIdentity ? ValidateManagedIdentity() : ValidateConnectionString();

    private IEnumerable<ValidationResult> ValidateManagedIdentity()
    {
        if (!AccountNamePattern().IsMatch(AccountName!))
        {
            yield return new ValidationResult(
                $"Storage:AccountName '{AccountName}' is not a storage account name (3 to 24 lowercase letters and digits).",
                [nameof(AccountName)]);
        }

        if (!Guid.TryParse(ManagedIdentityClientId, out _))
        {
            yield return new ValidationResult(
                "Storage:ManagedIdentityClientId must be the client id (a GUID) of the managed identity " +
                "that holds the account's table and queue data roles.",
                [nameof(ManagedIdentityClientId)]);
        }

        if (string.IsNullOrWhiteSpace(EndpointSuffix) || Uri.CheckHostName(EndpointSuffix) != UriHostNameType.Dns)
        {
            yield return new ValidationResult(
                $"Storage:EndpointSuffix '{EndpointSuffix}' is not a DNS suffix such as core.windows.net.",
                [nameof(EndpointSuffix)]);
        }
    }

    private IEnumerable<ValidationResult> ValidateConnectionString()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is required (UseDevelopmentStorage=true for Azurite), " +
                "or Storage:AccountName to use the bot's managed identity.",
                [nameof(ConnectionString)]);
            yield break;
        }

        if (!IsParseable(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is not an Azure Storage connection string; copy it from the storage account's Access keys page.",
                [nameof(ConnectionString)]);
        }
    }

    private static bool IsParseable(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();
}

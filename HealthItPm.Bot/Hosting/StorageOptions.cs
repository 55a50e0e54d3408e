using System.ComponentModel.DataAnnotations;
using Azure.Data.Tables;

namespace HealthItPm.Bot.Hosting;

/// <summary>Where state lives: an Azure Storage account, or Azurite locally.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is required (UseDevelopmentStorage=true for Azurite).",
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
}

using System.ComponentModel.DataAnnotations;

namespace HealthItPm.Bot.Telemetry;

/// <summary>
/// Where traces, metrics and logs go: Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, an
/// OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is, and the console when <see cref="Console"/> is on
/// (any together); and how often the pipeline's gauges are read.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>The configuration key of Azure Monitor's connection string, as App Service and the distro name it.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The OpenTelemetry exporter's standard key for an OTLP collector's address.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Traces and metrics printed on the console (<c>tools/run</c> turns it on when no collector is set).</summary>
    public bool Console { get; set; }

    /// <summary>How often the queue's depth and oldest message, the poison queue and the live hosts are read.</summary>
    public int PipelineSampleSeconds { get; set; } = 30;

    /// <summary>From <see cref="ConnectionStringKey"/>, at the root of the configuration.</summary>
    public string? AzureMonitorConnectionString { get; internal set; }

    /// <summary>From <see cref="OtlpEndpointKey"/>, at the root of the configuration.</summary>
    public string? OtlpEndpoint { get; internal set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PipelineSampleSeconds is < 5 or > 3600)
        {
            yield return new ValidationResult(
                "Telemetry:PipelineSampleSeconds must be between 5 and 3600.", [nameof(PipelineSampleSeconds)]);
        }

        if (!string.IsNullOrWhiteSpace(AzureMonitorConnectionString) && !HasInstrumentationKey(AzureMonitorConnectionString))
        {
            yield return new ValidationResult(
                $"{ConnectionStringKey} must be an Application Insights connection string with an InstrumentationKey=<GUID>.",
                [nameof(AzureMonitorConnectionString)]);
        }

        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var otlp) && otlp.Scheme is "http" or "https"))
        {
            yield return new ValidationResult(
                $"{OtlpEndpointKey} must be an absolute http or https address, e.g. http://127.0.0.1:4317.", [nameof(OtlpEndpoint)]);
        }
    }

    private static bool HasInstrumentationKey(string connectionString) => connectionString
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => part.Split('=', 2))
        .Any(pair => pair.Length == 2
            && pair[0].Equals("InstrumentationKey", StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(pair[1], out _));
}

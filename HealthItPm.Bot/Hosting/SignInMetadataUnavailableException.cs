namespace HealthItPm.Bot.Hosting;

/// <summary>
/// A token could not be checked at all: no signing keys young enough (<see cref="SignInMetadataOptions.KeepLastGoodFor"/>)
/// and the sign-in metadata could not be fetched. Not the caller's fault: the endpoint answers 503.
/// </summary>
public sealed class SignInMetadataUnavailableException : Exception
{
    public SignInMetadataUnavailableException()
    {
    }

    public SignInMetadataUnavailableException(string reason)
        : base("Sign-in metadata unavailable: " + reason)
    {
        Reason = reason;
    }

    public SignInMetadataUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why, in a few words with the address: for the one log line, never for the caller.</summary>
    public string Reason { get; } = "";
}

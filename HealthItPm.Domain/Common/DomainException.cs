namespace HealthItPm.Domain.Common;

/// <summary>
/// The one exception the domain throws for an invalid value or transition. Its message is written
/// for the person who caused it and is safe to show them; it never carries stored data.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}

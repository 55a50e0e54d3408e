namespace HealthItPm.Domain.Common;

/// <summary>
/// A person, by the Azure AD object id Teams sends as <c>from.aadObjectId</c>. Never a display name:
/// names change and collide, object ids do not.
/// </summary>
public readonly record struct PersonId
{
    public PersonId(string value)
    {
        if (!Guid.TryParse(value, out var parsed))
        {
            throw new DomainException(Problem.PersonIdRequired());
        }

        Value = parsed.ToString("D");
    }

    public string Value { get; }

    public static bool TryParse(string? value, out PersonId personId)
    {
        personId = default;
        if (!Guid.TryParse(value, out _))
        {
            return false;
        }

        personId = new PersonId(value!);
        return true;
    }

    public override string ToString() => Value;
}

namespace HealthItPm.Domain.Privacy;

/// <summary>
/// The hospital's and its vendors' e-mail and web domains, as configured: addresses on them are staff,
/// not patients. With the people of a project (<c>ProjectStaff.For</c>), they make the <see cref="PhiContext"/> its free
/// text is checked in.
/// </summary>
public sealed record StaffDomains(IReadOnlyList<string> Domains)
{
    public static StaffDomains None { get; } = new([]);

    /// <summary>The context to check a project's free text in: its people are staff, so are these domains.</summary>
    public PhiContext With(IEnumerable<string> staffNames) => new(staffNames, Domains);
}

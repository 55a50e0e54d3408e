using System.ComponentModel.DataAnnotations;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Hosting;

/// <summary>Who administers HealthItPm and who may act as a project manager, by Azure AD object id.</summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string SectionName = "Access";

    public IList<string> AdminIds { get; init; } = [];

    public IList<string> ProjectManagerIds { get; init; } = [];

    public AccessPolicy ToPolicy() => new(
        AdminIds.Select(id => new PersonId(id)).ToHashSet(),
        ProjectManagerIds.Select(id => new PersonId(id)).ToHashSet());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AdminIds.Select(id => (Setting: "Access:AdminIds", Id: id))
            .Concat(ProjectManagerIds.Select(id => (Setting: "Access:ProjectManagerIds", Id: id)))
            .Where(x => !Guid.TryParse(x.Id, out _))
            .Select(x => new ValidationResult($"{x.Setting} contains '{x.Id}', which is not an Azure AD object id (a GUID).", [x.Setting]));
}

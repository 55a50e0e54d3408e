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

    /// <summary>
    /// The project roles (ProjectManager, Leader, Stakeholder) that see budget figures besides admins;
    /// empty means project managers and leaders.
    /// </summary>
    public IList<string> BudgetViewerRoles { get; init; } = [];

    public AccessPolicy ToPolicy() => new(
        AdminIds.Select(id => new PersonId(id)).ToHashSet(),
        ProjectManagerIds.Select(id => new PersonId(id)).ToHashSet(),
        BudgetViewerRoles.Count == 0 ? null : BudgetViewerRoles.Select(r => Enum.Parse<ProjectRole>(r, ignoreCase: true)).ToHashSet());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AdminIds.Select(id => (Setting: "Access:AdminIds", Id: id))
            .Concat(ProjectManagerIds.Select(id => (Setting: "Access:ProjectManagerIds", Id: id)))
            .Where(x => !Guid.TryParse(x.Id, out _))
            .Select(x => new ValidationResult($"{x.Setting} contains '{x.Id}', which is not an Azure AD object id (a GUID).", [x.Setting]))
            .Concat(BudgetViewerRoles
                .Where(r => !Enum.TryParse<ProjectRole>(r, ignoreCase: true, out var role)
                    || !Enum.IsDefined(role)
                    || int.TryParse(r, out _))
                .Select(r => new ValidationResult(
                    $"Access:BudgetViewerRoles contains '{r}'; use ProjectManager, Leader or Stakeholder.", ["Access:BudgetViewerRoles"])));
}

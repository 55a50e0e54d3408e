using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>What a new project is made from, as the PM entered it.</summary>
public sealed record NewProject(
    string Code,
    GuardedText Name,
    ProjectKind Kind,
    DateOnly Start,
    DateOnly GoLive,
    DateOnly End,
    string TimeZone);

/// <summary>
/// The project use cases: every one authorizes the caller against the project as stored, applies
/// the change through the aggregate, and saves with optimistic concurrency. A save that loses a race
/// is re-read and re-applied once, so two PMs adding milestones at once both succeed.
/// </summary>
public sealed class ProjectService(
    IProjectRepository projects,
    IProjectManagerGrants grants,
    AccessPolicy access,
    IAuditLog audit,
    TimeProvider clock)
{
    private const int Attempts = 2;

    /// <summary>Today's date where the project is: a due date means the same day for everyone on it.</summary>
    public DateOnly TodayIn(string timeZone) => ProjectCalendar.Today(clock, timeZone);

    /// <summary>Today where a listed project is: the same day its status card counts from.</summary>
    public DateOnly TodayOf(ProjectSummary project) => ProjectCalendar.Today(clock, project);

    /// <summary>
    /// Why <paramref name="person"/> may not create a project, or null if they may: asked before the form is shown, so that
    /// nobody fills it in to be refused at Create (which asks again).
    /// </summary>
    public async Task<Refusal?> CreateRefusalAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        access.CanCreateProject(person, await grants.IsGrantedAsync(tenant, person, cancellationToken)).Refusal;

    public async Task<Outcome<Project>> CreateAsync(
        TenantId tenant,
        ProjectMember creator,
        NewProject input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creator);
        ArgumentNullException.ThrowIfNull(input);
        if (await CreateRefusalAsync(tenant, creator.Person, cancellationToken) is { } refusal)
        {
            return new Outcome<Project>.Refused(refusal);
        }

        Project project;
        try
        {
            var today = ProjectCalendar.Today(clock, input.TimeZone);
            project = Project.Create(
                new ProjectCode(input.Code),
                input.Name,
                input.Kind,
                new ProjectSchedule(input.Start, input.GoLive, input.End),
                input.TimeZone!,
                creator,
                today);
            await projects.AddAsync(tenant, project, cancellationToken);
        }
        catch (DomainException e)
        {
            return new Outcome<Project>.Invalid(e.Problem);
        }
        catch (ProjectConflictException)
        {
            // Adding conflicts only when the code is in use.
            return new Outcome<Project>.Invalid(Problem.ProjectCodeTaken(new ProjectCode(input.Code)));
        }

        await audit.AppendAsync(
            tenant, AuditEntry.Now(clock, creator.Person, ProjectAudit.ProjectCreated, project.Code), cancellationToken);
        return new Outcome<Project>.Done(project);
    }

    /// <summary>Whether the person is on the project, from their role alone (one small read, not the whole project).</summary>
    public async Task<bool> IsOnAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken) =>
        await projects.RoleOfAsync(tenant, code, person, cancellationToken) is not null;

    /// <summary>The project, if the person may do <paramref name="action"/> on it (by default: see it).</summary>
    public Task<Outcome<Project>> ViewAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        CancellationToken cancellationToken,
        ProjectAction action = ProjectAction.ViewStatus) =>
        projects.AuthorizedAsync(access, tenant, person, code, action, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> (given the project and today's date there) if the person may do <paramref name="action"/>.
    /// </summary>
    public async Task<Outcome<Project>> ChangeAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        ProjectAction action,
        Action<Project, DateOnly> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await projects.GetAsync(tenant, code, cancellationToken);
            var allowed = access.Authorize(person, code, stored?.Project, action);
            if (allowed is not Outcome<Project>.Done || stored is null)
            {
                return allowed;
            }

            try
            {
                change(stored.Project, TodayIn(stored.Project.TimeZone));
                await projects.SaveAsync(tenant, stored, cancellationToken);
                await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, ProjectAudit.Of(action), code), cancellationToken);
                return new Outcome<Project>.Done(stored.Project);
            }
            catch (DomainException e)
            {
                return new Outcome<Project>.Invalid(e.Problem);
            }
            catch (ProjectConflictException) when (attempt >= Attempts)
            {
                return new Outcome<Project>.Invalid(Problem.ProjectChangedMeanwhile(stored.Project.Name));
            }
            catch (ProjectConflictException)
            {
                // Someone saved in between: read their version and apply this change to it.
            }
        }
    }

    /// <summary>The projects a person can see: all of them for an admin, otherwise those they are on.</summary>
    public Task<IReadOnlyList<ProjectSummary>> ListVisibleAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        access.IsAdmin(person)
            ? projects.ListAsync(tenant, cancellationToken)
            : projects.ListForPersonAsync(tenant, person, cancellationToken);

    /// <summary>An admin allows people to create projects; returns everyone now allowed by a grant.</summary>
    public async Task<Outcome<IReadOnlyList<ProjectManagerGrant>>> AllowProjectManagersAsync(
        TenantId tenant,
        PersonId admin,
        IEnumerable<(PersonId Person, string Name)> people,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var decision = access.CanInTenant(admin, ProjectAction.AllowProjectManagers);
        if (!decision.Allowed)
        {
            return new Outcome<IReadOnlyList<ProjectManagerGrant>>.Refused(decision.Refusal!);
        }

        foreach (var (person, name) in people)
        {
            await grants.GrantAsync(
                tenant,
                new ProjectManagerGrant(
                    person,
                    Text.Required(name, ProjectFreeText.PersonName, ProjectMember.MaxNameLength),
                    admin,
                    clock.GetUtcNow()),
                cancellationToken);
            await audit.AppendAsync(
                tenant,
                AuditEntry.Now(clock, admin, ProjectAudit.ProjectManagerAllowed, null, person.Value),
                cancellationToken);
        }

        return new Outcome<IReadOnlyList<ProjectManagerGrant>>.Done(await grants.ListAsync(tenant, cancellationToken));
    }

}

using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// Projects and the index of who is on which.
/// <para>
/// Table <c>Projects</c>: PartitionKey = tenant id, so that a project and its index rows change in
/// one atomic batch. RowKey:
/// <list type="bullet">
/// <item><c>project|{CODE}</c> — the whole project as a JSON document (<see cref="ProjectDocument"/>)
/// plus <c>Name</c>, <c>Kind</c>, <c>Phase</c>, <c>GoLive</c>, <c>TimeZone</c> columns for lists. A tenant's projects: a
/// range query on the prefix. A project's stakeholders: the point read of this row.</item>
/// <item><c>person|{aadObjectId}|{CODE}</c> — one row per person per project (with the same list
/// columns and the person's <c>Role</c>). A person's projects: a range query on <c>person|{aadObjectId}|</c>.</item>
/// </list>
/// Concurrency: the project row's ETag; the batch fails whole when it changed since it was read. A save
/// writes only the index rows that changed; beyond one batch (100 operations) the rest follow the
/// guarded batch, so the project row is the truth and the index catches up within the same save.
/// </para>
/// <para>
/// A person's role for the actions anyone on a project may do (answering a round) is taken from the project's
/// members as this host last read them, for <see cref="MembersKeptFor"/>, and forgotten at once when this host saves
/// the project: a round being answered costs one read of its project per host every few seconds, not one per answer.
/// Someone added on another host since is looked up by their own row; someone removed on another host can still
/// do those actions here for at most <see cref="MembersKeptFor"/>.
/// </para>
/// </summary>
public sealed class ProjectTable(StorageTables tables) : IProjectRepository
{
    public const string Name = "Projects";

    private const string ProjectPrefix = "project|";
    private const string PersonPrefix = "person|";

    // Azure Tables takes at most 100 operations in one batch.
    private const int MaxBatch = 100;

    /// <summary>
    /// How long a host decides who is on a project from the members it read: the longest a person removed on
    /// another host can still answer a round here.
    /// </summary>
    public static readonly TimeSpan MembersKeptFor = TimeSpan.FromSeconds(10);

    // Projects whose members are kept at once (the cache starts over when it fills up).
    private const int ProjectsKept = 256;

    private readonly ConcurrentDictionary<(string Tenant, string Code), KeptMembers> _members = new();

    public async Task<VersionedProject?> GetAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken)
    {
        var response = await tables.ExecuteAsync(
            Name,
            table => table.GetEntityIfExistsAsync<TableEntity>(tenant.Value, ProjectKey(code), cancellationToken: cancellationToken),
            cancellationToken);
        if (!response.HasValue || StoredDocument.Read<ProjectDocument>(response.Value!) is not { } document)
        {
            return null;
        }

        return new VersionedProject(Project.Restore(document.ToState()), response.Value!.ETag.ToString());
    }

    public async Task AddAsync(TenantId tenant, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, ProjectRow(tenant, project)) };
        actions.AddRange(project.Members.Select(m =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, PersonRow(tenant, m, project))));
        try
        {
            await tables.ExecuteAsync(Name, table => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            throw new ProjectConflictException($"There is already a project with the code {project.Code}.", e);
        }

        Forget(tenant, project.Code);
    }

    public async Task SaveAsync(TenantId tenant, VersionedProject project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var current = project.Project;
        var index = await IndexChangesAsync(tenant, current, cancellationToken);

        // The project row and as many index rows as one batch holds go together, guarded by the ETag.
        var guarded = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ProjectRow(tenant, current), new ETag(project.Version)),
        };
        guarded.AddRange(index.Take(MaxBatch - 1));
        try
        {
            await tables.ExecuteAsync(Name, table => table.SubmitTransactionAsync(guarded, cancellationToken), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            throw new ProjectConflictException(
                $"{current.Name} was changed by someone else while you were editing it. Please try again.", e);
        }

        // More index changes than a batch holds (hundreds of people added at once, or a renamed
        // project's every row): the rest follow, each write idempotent and derived from the saved project.
        // Saved: this host's next decision reads who is on it now. Forgotten before the index rows that follow, too.
        Forget(tenant, current.Code);
        foreach (var batch in index.Skip(MaxBatch - 1).Chunk(MaxBatch))
        {
            await tables.ExecuteAsync(Name, table => table.SubmitTransactionAsync(batch, cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// The index rows this save must write: members who are new or whose role changed (every member's
    /// row when the list columns changed), and deletes for those who left. Compared with the stored
    /// project (a point read), so a save touches only what changed.
    /// </summary>
    private async Task<IReadOnlyList<TableTransactionAction>> IndexChangesAsync(
        TenantId tenant, Project current, CancellationToken cancellationToken)
    {
        var response = await tables.ExecuteAsync(
            Name,
            table => table.GetEntityIfExistsAsync<TableEntity>(
                tenant.Value, ProjectKey(current.Code), cancellationToken: cancellationToken),
            cancellationToken);
        var stored = response.HasValue ? StoredDocument.Read<ProjectDocument>(response.Value!) : null;
        var roles = (stored?.Members ?? []).ToDictionary(m => m.Person, m => m.Role, StringComparer.Ordinal);
        var listed = stored is not null
            && stored.Name == current.Name
            && stored.Kind == current.Kind
            && stored.Phase == current.Phase
            && stored.GoLive == current.Schedule.GoLive;
        var members = current.Members.Select(m => m.Person.Value).ToHashSet(StringComparer.Ordinal);

        return
        [
            .. current.Members
                .Where(m => !listed || !roles.TryGetValue(m.Person.Value, out var role) || role != m.Role)
                .Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, PersonRow(tenant, m, current))),
            .. roles.Keys.Where(person => !members.Contains(person))
                .Select(person => new TableTransactionAction(
                    TableTransactionActionType.Delete, new TableEntity(tenant.Value, PersonKey(person, current.Code)), ETag.All)),
        ];
    }

    public Task<IReadOnlyList<ProjectSummary>> ListAsync(TenantId tenant, CancellationToken cancellationToken) =>
        QuerySummariesAsync(tenant, ProjectPrefix, cancellationToken);

    /// <summary>
    /// From the project's members as this host read them at most <see cref="MembersKeptFor"/> ago (or saved them);
    /// someone not among them, from their own index row, written in the project's own guarded batch whenever their role
    /// changes (only a save of more than 99 people's changes lets rows follow the batch, within the same save).
    /// </summary>
    public async Task<ProjectRole?> RoleOfAsync(TenantId tenant, ProjectCode code, PersonId person, CancellationToken cancellationToken)
    {
        if (await MembersAsync(tenant, code, cancellationToken) is { } members && members.TryGetValue(person.Value, out var kept))
        {
            return kept;
        }

        var row = await tables.ExecuteAsync(
            Name,
            table => table.GetEntityIfExistsAsync<TableEntity>(
                tenant.Value, PersonKey(person.Value, code), select: ["Role"], cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue && Enum.TryParse<ProjectRole>(row.Value!.GetString("Role"), out var role) ? role : null;
    }

    /// <summary>
    /// The project's members and roles, read once per <see cref="MembersKeptFor"/> by whoever asks first (the others
    /// share that read); none when there is no such project. A read that fails, or finds nothing, is not kept.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, ProjectRole>?> MembersAsync(
        TenantId tenant, ProjectCode code, CancellationToken cancellationToken)
    {
        var key = (tenant.Value, code.Value);
        while (true)
        {
            if (!_members.TryGetValue(key, out var kept))
            {
                if (_members.Count >= ProjectsKept)
                {
                    _members.Clear();
                }

                kept = _members.GetOrAdd(key, _ => new KeptMembers(() => ReadMembersAsync(tenant, code)));
            }
            else if (Stopwatch.GetElapsedTime(kept.Since) >= MembersKeptFor)
            {
                var fresh = new KeptMembers(() => ReadMembersAsync(tenant, code));
                if (!_members.TryUpdate(key, fresh, kept))
                {
                    continue;
                }

                kept = fresh;
            }

            IReadOnlyDictionary<string, ProjectRole>? members;
            try
            {
                members = await kept.Read.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (kept.Read.Value.IsFaulted)
            {
                _members.TryRemove(new KeyValuePair<(string, string), KeptMembers>(key, kept));
                throw;
            }

            if (members is null)
            {
                _members.TryRemove(new KeyValuePair<(string, string), KeptMembers>(key, kept));
            }

            return members;
        }
    }

    private async Task<IReadOnlyDictionary<string, ProjectRole>?> ReadMembersAsync(TenantId tenant, ProjectCode code)
    {
        // Shared by every reader waiting for it, so cancelled by none of them: the storage client's time-outs end it.
        var response = await tables.ExecuteAsync(
            Name, table => table.GetEntityIfExistsAsync<TableEntity>(tenant.Value, ProjectKey(code)), CancellationToken.None);
        return response.HasValue && StoredDocument.Read<ProjectDocument>(response.Value!) is { } document
            ? document.Members.ToDictionary(m => m.Person, m => m.Role, StringComparer.Ordinal)
            : null;
    }

    private void Forget(TenantId tenant, ProjectCode code) => _members.TryRemove((tenant.Value, code.Value), out _);

    public async Task<ProjectSummary?> SummaryOfAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            table => table.GetEntityIfExistsAsync<TableEntity>(
                tenant.Value, ProjectKey(code), select: SummaryColumns, cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? ToSummary(row.Value!) : null;
    }

    public Task<IReadOnlyList<ProjectSummary>> ListForPersonAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken) =>
        QuerySummariesAsync(tenant, $"{PersonPrefix}{person.Value}|", cancellationToken);

    private Task<IReadOnlyList<ProjectSummary>> QuerySummariesAsync(TenantId tenant, string prefix, CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, StorageTables.PrefixFilter(tenant.Value, prefix), ToSummary, cancellationToken, select: SummaryColumns);

    private static readonly string[] SummaryColumns = ["Code", "Name", "Kind", "Phase", "GoLive", "Role", "TimeZone"];

    private static ProjectSummary ToSummary(TableEntity row) => new(
        new ProjectCode(row.GetString("Code")),
        GuardedText.Restore(row.GetString("Name")),
        Enum.Parse<ProjectKind>(row.GetString("Kind")),
        Enum.Parse<ProjectPhase>(row.GetString("Phase")),
        DateOnly.FromDateTime(row.GetDateTimeOffset("GoLive")!.Value.UtcDateTime),
        row.GetString("Role") is { } role ? Enum.Parse<ProjectRole>(role) : null,
        row.GetString("TimeZone"));

    private static string ProjectKey(ProjectCode code) => ProjectPrefix + code.Value;

    private static string PersonKey(string person, ProjectCode code) => $"{PersonPrefix}{person}|{code.Value}";

    private static TableEntity ProjectRow(TenantId tenant, Project project)
    {
        var row = SummaryRow(tenant, ProjectKey(project.Code), project);
        StoredDocument.Write(row, ProjectDocument.From(project.ToState()));
        return row;
    }

    private static TableEntity PersonRow(TenantId tenant, ProjectMember member, Project project)
    {
        var row = SummaryRow(tenant, PersonKey(member.Person.Value, project.Code), project);
        row["Role"] = member.Role.ToString();
        return row;
    }

    private static TableEntity SummaryRow(TenantId tenant, string rowKey, Project project) => new(tenant.Value, rowKey)
    {
        ["Code"] = project.Code.Value,
        ["Name"] = project.Name.Value,
        ["Kind"] = project.Kind.ToString(),
        ["Phase"] = project.Phase.ToString(),
        ["GoLive"] = new DateTimeOffset(project.Schedule.GoLive.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        ["TimeZone"] = project.TimeZone,
    };

    /// <summary>
    /// A project's members as read once; <see cref="Since"/> is taken before the read starts, so what was read is never
    /// older than the time it is kept.
    /// </summary>
    private sealed class KeptMembers(Func<Task<IReadOnlyDictionary<string, ProjectRole>?>> read)
    {
        public long Since { get; } = Stopwatch.GetTimestamp();

        public Lazy<Task<IReadOnlyDictionary<string, ProjectRole>?>> Read { get; } = new(read);
    }
}

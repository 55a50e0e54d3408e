using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>Reading the audit log: the use case and its command (the log every feature writes is shared storage).</summary>
public sealed class AuditFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<AuditService>();
        services.AddForm<AuditCommand>(AuditCommand.Command);
    }
}

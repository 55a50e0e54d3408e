using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Redaction;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// The go-live readiness gate: its storage, use cases, commands and forms, the checkpoints' scheduled job, and the panel's
/// go/no-go vote and the owners' attestations as kinds of round.
/// </summary>
public sealed class GoLiveFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IGateStore, GateTable>();
        services.AddSingleton<IAnswerTextCopies, GateEvidenceCopies>();
        services.AddSingleton<GoLiveService>();
        services.AddSingleton<IScheduledJob, CheckpointJob>();
        services.AddCommand<GoLiveStatusCommand>(GoLiveStatusCommand.Command);
        services.AddForm<GoLiveSetForm>(GoLiveSetForm.Command);
        services.AddForm<GoLiveAddForm>(GoLiveAddForm.Command);
        services.AddForm<GoLiveEditForm>(GoLiveEditForm.Command);
        services.AddSingleton<GoLiveVotes>();
        services.AddRoundKind<GoLiveRoundKind>();
        services.AddForm<GoLiveVoteForm>(GoLiveVoteForm.Command);
        services.AddSingleton<GoLiveAttestations>();
        services.AddRoundKind<AttestRoundKind>();
        services.AddCommand<GoLiveAskCommand>(GoLiveAskCommand.Command);
    }
}

using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Digests;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>The weekly leadership digest: subscriptions, commands, its delivery kind and its job.</summary>
public sealed class DigestsFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IDigestStore, DigestTable>();
        services.AddSingleton<ICheckInPulse, CheckInPulseReader>();
        services.AddSingleton(sp => new DigestDefaults(sp.GetRequiredService<IOptions<HospitalOptions>>().Value.TimeZone));
        services.AddSingleton<DigestSubscriptions>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DeliveryKind, DigestDeliveries>();
        services.AddSingleton<IScheduledJob, DigestJob>();
        services.AddCommand<DigestSubscribeCommand>(DigestSubscribeCommand.Command);
        services.AddCommand<DigestUnsubscribeCommand>(DigestUnsubscribeCommand.Command);
        services.AddCommand<DigestPreviewCommand>(DigestPreviewCommand.Command);
        services.AddCommand<DigestNowCommand>(DigestNowCommand.Command);
        services.AddForm<DigestSettingsForm>(DigestSettingsForm.Command);
        services.AddForm<DigestLeadersForm>(DigestLeadersForm.Command);
    }
}

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// One feature of the bot as the host composes it: each feature folder has one, and the host lists each once
/// (<see cref="HealthItPmHost.Features"/>). It registers all its folder brings: use cases, storage, commands, card actions,
/// delivery kinds, scheduled jobs and kinds of round. The host's start-up checks find what a feature lacks.
/// </summary>
public interface IFeature
{
    void Register(IServiceCollection services);
}

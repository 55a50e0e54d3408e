using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Teams;

namespace HealthItPm.Bot.Features.People;

/// <summary>The people picker: the search that answers a card's people input as the PM types.</summary>
public sealed class PeopleFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<PeopleSearch>();
        services.AddSingleton<IInvokeAnswer>(sp => sp.GetRequiredService<PeopleSearch>());
    }
}

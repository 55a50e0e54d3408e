using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Hosting;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>The hospital's currency (setting <c>Hospital:Currency</c>) in the locale of whoever is reading.</summary>
public sealed class MoneyFormats(IOptions<HospitalOptions> hospital)
{
    public Currency Currency { get; } = hospital.Value.ToCurrency();

    public MoneyFormat For(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return MoneyFormat.For(Currency, turn.Activity.Locale);
    }
}

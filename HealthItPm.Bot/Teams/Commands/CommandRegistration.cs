using HealthItPm.Bot.Teams.CardActions;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary>How a feature registers its commands: the definition (which help and the router read) and the handler.</summary>
public static class CommandRegistration
{
    public static IServiceCollection AddCommand<TCommand>(this IServiceCollection services, CommandDefinition definition)
        where TCommand : class, ICommand
    {
        services.AddSingleton(definition);
        services.AddSingleton<ICommand, TCommand>();
        return services;
    }

    /// <summary>A command that is also the handler of its card's verb (a form, or a button that does what the command does).</summary>
    public static IServiceCollection AddForm<TForm>(this IServiceCollection services, CommandDefinition definition)
        where TForm : class, ICommand, ICardActionHandler
    {
        services.AddSingleton(definition);
        services.AddSingleton<TForm>();
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<TForm>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<TForm>());
        return services;
    }
}

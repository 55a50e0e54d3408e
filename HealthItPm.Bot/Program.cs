using HealthItPm.Bot.Hosting;

HealthItPmHost.Build(WebApplication.CreateBuilder(args)).Run();

/// <summary>Visible to the test host (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;

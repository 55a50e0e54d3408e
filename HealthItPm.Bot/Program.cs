using HealthItPm.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddHealthItPmOptions(builder.Configuration)
    .AddHealthItPmStorage()
    .AddHealthItPmBot();

var app = builder.Build();
app.MapHealthItPmEndpoints();
app.Run();

/// <summary>Visible to the test host (<c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
public partial class Program;

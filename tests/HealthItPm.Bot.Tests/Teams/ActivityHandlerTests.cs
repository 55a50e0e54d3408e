using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.People;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Moq;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Teams;

/// <summary>The handler only translates: text to the command router, card data to the card-action router.</summary>
public class ActivityHandlerTests
{
    private readonly Mock<ICommand> _command = new();
    private readonly Mock<ICardActionHandler> _action = new();
    private readonly HealthItPmActivityHandler _handler;

    private static AccessPolicy Access => new(new HashSet<PersonId>(), new HashSet<PersonId>());

    public ActivityHandlerTests()
    {
        _command.SetupGet(c => c.Definition).Returns(new CommandDefinition("status"));
        _command.Setup(c => c.ExecuteAsync(It.IsAny<ITurnContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AdaptiveCard([CardElements.Text(Markdown.Of($"status card"))]).ToJObject());
        _action.SetupGet(a => a.Verb).Returns("status.refresh");
        _action.Setup(a => a.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<JObject>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AdaptiveCard([CardElements.Text(Markdown.Of($"refreshed card"))]).ToJObject());
        var commands = new CommandRouter([_command.Object]);
        _handler = new HealthItPmActivityHandler(commands, new CardActionRouter([_action.Object]), [new PeopleSearch(Mock.Of<IPeopleDirectory>(), Mock.Of<IRoster>(), new ProjectService(Mock.Of<IProjectRepository>(MockBehavior.Strict), Mock.Of<IProjectManagerGrants>(MockBehavior.Strict), Access, Mock.Of<IAuditLog>(MockBehavior.Strict), TimeProvider.System), Mock.Of<IProjectRepository>(MockBehavior.Strict), Access)], Mock.Of<IRoster>(),
            new UnsupportedInvokes(Microsoft.Extensions.Logging.Abstractions.NullLogger<UnsupportedInvokes>.Instance));
    }

    [Fact]
    public async Task A_command_is_run_with_its_arguments_and_its_card_sent()
    {
        var sent = await RunAsync(MessageFactory.Text("Status  EHR go-live"));

        _command.Verify(c => c.ExecuteAsync(It.IsAny<ITurnContext>(), "EHR go-live", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains("status card", sent.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_submit_goes_to_the_handler_of_its_verb()
    {
        var message = (Activity)MessageFactory.Text(null);
        message.Value = new JObject { ["verb"] = "status.refresh", ["project"] = "EHR" };

        var sent = await RunAsync(message);

        _action.Verify(a => a.HandleAsync(It.IsAny<ITurnContext>(), It.Is<JObject>(d => (string?)d["project"] == "EHR"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains("refreshed card", sent.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_with_a_verb_that_is_not_text_is_not_routed()
    {
        var message = (Activity)MessageFactory.Text(null);
        message.Value = new JObject { ["verb"] = new JArray("status.refresh") };

        var sent = await RunAsync(message);

        _action.Verify(a => a.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<JObject>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains(NoticeCardModel.UnknownAction.Title, sent.ToString(), StringComparison.Ordinal);
    }

    private async Task<JObject> RunAsync(Activity activity)
    {
        var adapter = new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams);
        await adapter.ProcessActivityAsync(activity, _handler.OnTurnAsync, CancellationToken.None);
        var reply = Assert.IsType<Activity>(adapter.ActiveQueue.Single());
        return (JObject)Assert.Single(reply.Attachments).Content;
    }
}

using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>Every refusal the domain can give, with hostile names in it, is put into words that cannot link, format or show a date.</summary>
public partial class RefusalNoticeTests
{
    [GeneratedRegex(@"(?<!\\)\]\(")]
    private static partial Regex MarkdownLink();

    public static TheoryData<RefusalCode, ProjectAction, Who> Every()
    {
        var data = new TheoryData<RefusalCode, ProjectAction, Who>();
        foreach (var code in Enum.GetValues<RefusalCode>())
        {
            foreach (var action in Enum.GetValues<ProjectAction>())
            {
                data.Add(code, action, AccessRules.Table[action].Who == Who.BudgetViewers ? Who.ProjectManagers | Who.Leaders : AccessRules.Table[action].Who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void A_refusal_never_carries_a_link_or_a_date_function(RefusalCode code, ProjectAction action, Who allowed)
    {
        var refusal = new Refusal(code, action, new ProjectCode("EHR"), "[Sign in again](https://evil.example/login) {{DATE(2017-02-14T06:08:39Z, LONG)}}", ["<b>Priya</b> [x](https://evil.example)"], allowed, new RiskId(new ProjectCode("EHR"), 1));

        var notice = RefusalNotice.Of(refusal);
        var card = NoticeCard.Build(notice).ToString();

        Assert.False(string.IsNullOrWhiteSpace(notice.Message.Text));
        Assert.DoesNotMatch(MarkdownLink(), notice.Message.Text);
        Assert.DoesNotContain("<b>", notice.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{DATE", card, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_to_a_risk_says_who_may()
    {
        var refusal = new Refusal(RefusalCode.OnlyFor, ProjectAction.ChangeRisk, new ProjectCode("EHR"), "Epic EHR go-live", ["Priya Shah"], Who.ProjectManagers | Who.RiskOwner | Who.EscalationChain);

        Assert.Equal("Only the project managers of Epic EHR go-live, the risk's owner or a leader in its escalation chain can do that. Type **help** to see what you can do.", RefusalNotice.Of(refusal).Message.Text);
    }
}

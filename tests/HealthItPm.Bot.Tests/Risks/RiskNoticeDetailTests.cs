using HealthItPm.Bot.Features.Risks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Tests.Risks;

/// <summary>A risk notice rides its work item as its kind and the leader it is about.</summary>
public class RiskNoticeDetailTests
{
    private static readonly TenantId Tenant = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly RiskId Risk = new(new ProjectCode("EHR"), 7);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    private static readonly PersonId Sponsor = new("22222222-2222-2222-2222-222222222222");

    private static DeliveryWork Work(string detail) => DeliveryWork.To(Tenant, DeliveryTopics.Notice(Risk, 3), Pm, detail);

    [Theory]
    [InlineData(RiskNoticeKind.Acknowledged, true)]
    [InlineData(RiskNoticeKind.LeaderUnreachable, true)]
    [InlineData(RiskNoticeKind.ChainExhausted, false)]
    public void A_notice_reads_back_as_written(RiskNoticeKind kind, bool aboutALeader)
    {
        var notice = new RiskNotice(kind, Pm, Risk, aboutALeader ? Sponsor : null);

        Assert.Equal(notice, RiskNoticeDetail.Read(Work(RiskNoticeDetail.Write(notice))));
    }
}

using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Tests.Security;

public class TenantPolicyTests
{
    private const string Hospital = "4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f";
    private const string OtherHospital = "11111111-2222-3333-4444-555555555555";

    private static readonly TenantPolicy Policy = new([new TenantId(Hospital)]);

    [Theory]
    [InlineData(Hospital, Hospital, true)]
    [InlineData(Hospital, null, true)]
    [InlineData(null, Hospital, true)]
    [InlineData("4D6F8A3C-1B2E-4C5D-9E7F-0A1B2C3D4E5F", null, true)]
    [InlineData(OtherHospital, null, false)]
    [InlineData(null, OtherHospital, false)]
    [InlineData(Hospital, OtherHospital, false)]
    [InlineData(OtherHospital, Hospital, false)]
    [InlineData(null, null, false)]
    [InlineData("", "  ", false)]
    [InlineData("{4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f}", "4D6F8A3C1B2E4C5D9E7F0A1B2C3D4E5F", true)]
    [InlineData(Hospital, "not-a-tenant", false)]
    [InlineData("not-a-tenant", null, false)]
    public void Admits_only_activities_whose_stated_tenants_are_all_allowed(
        string? conversationTenant,
        string? channelDataTenant,
        bool admitted) =>
        Assert.Equal(admitted, Policy.Admits(conversationTenant, channelDataTenant));

    [Fact]
    public void Several_hospitals_can_be_allowed()
    {
        var policy = new TenantPolicy([new TenantId(Hospital), new TenantId(OtherHospital)]);

        Assert.True(policy.Admits(OtherHospital, OtherHospital));
        Assert.Equal(2, policy.AllowedTenants.Count);
    }

    [Theory]
    [InlineData(Hospital, OtherHospital)]
    [InlineData(OtherHospital, Hospital)]
    public void Two_allowed_tenants_that_disagree_are_refused(string conversationTenant, string channelDataTenant)
    {
        var policy = new TenantPolicy([new TenantId(Hospital), new TenantId(OtherHospital)]);

        Assert.False(policy.Admits(conversationTenant, channelDataTenant));
        Assert.True(policy.Admits(Hospital, Hospital.ToUpperInvariant()));
    }

    [Fact]
    public void A_policy_without_tenants_would_lock_everyone_out_and_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => new TenantPolicy([]));

        Assert.Equal(Problem.NoAllowedTenants(), error.Problem);
    }
}

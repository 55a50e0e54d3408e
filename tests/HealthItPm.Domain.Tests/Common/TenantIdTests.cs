using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.Common;

public class TenantIdTests
{
    [Theory]
    [InlineData(" 4D6F8A3C-1B2E-4C5D-9E7F-0A1B2C3D4E5F ")]
    [InlineData("{4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f}")]
    [InlineData("4d6f8a3c1b2e4c5d9e7f0a1b2c3d4e5f")]
    public void A_tenant_id_written_another_way_is_the_same_tenant_in_canonical_form(string written)
    {
        Assert.Equal(new TenantId("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f"), new TenantId(written));
        Assert.Equal("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f", new TenantId(written).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("contoso.onmicrosoft.com")]
    public void Anything_but_a_tenant_guid_is_not_a_tenant(string? value)
    {
        Assert.False(TenantId.TryParse(value, out _));
        Assert.Throws<DomainException>(() => new TenantId(value!));
    }
}

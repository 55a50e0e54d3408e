using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.Common;

public class TenantIdTests
{
    [Fact]
    public void Tenant_ids_compare_without_regard_to_case_or_surrounding_space()
    {
        Assert.Equal(new TenantId(" 4D6F8A3C-1B2E-4C5D-9E7F-0A1B2C3D4E5F "), new TenantId("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_tenant_is_not_a_tenant(string? value)
    {
        Assert.False(TenantId.TryParse(value, out _));
        Assert.Throws<DomainException>(() => new TenantId(value!));
    }
}

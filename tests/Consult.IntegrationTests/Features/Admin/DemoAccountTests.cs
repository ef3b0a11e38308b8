using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Admin;

public class DemoAccountTests
{
    [Fact]
    public void Demo_accounts_exist_only_with_the_demo_data()
    {
        using var empty = new ConsultApp();
        Assert.Equal(0, empty.Scalar<int>("select count(*) from app_user"));
    }
}

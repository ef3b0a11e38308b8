using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Admin;

[Collection(nameof(DemoCollection))]
public class DemoAccountsTests(DemoApp app)
{
    [Theory]
    [InlineData("quantri@consult.demo", "admin")]
    [InlineData("ratsoat@consult.demo", "reviewer")]
    [InlineData("lanhdao.bct@consult.demo", "lead")]
    [InlineData("canbo.bct@consult.demo", "editor")]
    [InlineData("canbo.byt@consult.demo", "editor")]
    [InlineData("lanhdao.byt@consult.demo", "lead")]
    public async Task Each_demo_account_signs_in_with_the_documented_password_and_holds_its_role(string email, string role)
    {
        await app.SignInAsync(email, Consult.Web.Infrastructure.Security.DemoAccounts.Password);
        Assert.Equal(role, app.Scalar<string>(
            "select r.name from app_user u join user_role ur on ur.user_id = u.id join app_role r on r.id = ur.role_id where u.email = @email", new { email }));
    }
}

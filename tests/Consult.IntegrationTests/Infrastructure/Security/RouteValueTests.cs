using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 14: the record a URL names is the record acted on, whatever the form says.</summary>
public class RouteValueTests
{
    [Fact]
    public async Task A_code_in_the_form_does_not_override_the_code_in_the_url()
    {
        using var app = new ConsultApp();
        await app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu", published: "false"),
            Row("1.000107", "Cấp Giấy phép bán lẻ rượu", published: "false")));
        await app.CreateUserAsync("lanhdao.bct@example.vn", "BCT", Roles.Lead);
        var lead = await app.SignInAsync("lanhdao.bct@example.vn");
        var response = await lead.PostFormAsync("/workspace/regulations/1.000106/edit", "/workspace/regulations/1.000106/change",
            new() { ["Code"] = "1.000107", ["code"] = "1.000107", ["Action"] = "publish", ["ExpectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, app.Scalar<int>("select published from regulation where code = '1.000106'"));
        Assert.Equal(0, app.Scalar<int>("select published from regulation where code = '1.000107'"));
    }
}

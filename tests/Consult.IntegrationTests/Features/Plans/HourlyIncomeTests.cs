using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Plans;

public class HourlyIncomeTests
{
    [Fact]
    public async Task Administrators_keep_the_hourly_income_with_its_source_and_others_are_refused()
    {
        using var app = new ConsultApp();
        await app.CreateUserAsync("quantri@example.vn", null, Roles.Admin);
        await app.CreateUserAsync("canbo@example.vn", "BCT", Roles.Editor);
        var admin = await app.SignInAsync("quantri@example.vn");

        var bad = await admin.PostFormAsync("/admin/hourly-income", "/admin/hourly-income", new() { ["Year"] = "2026", ["Amount"] = "hai mươi", ["Source"] = "Tổng cục Thống kê" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("hai mươi", (await Accounts.Html(bad)).QuerySelector("input[name=Amount]")!.GetAttribute("value"));

        var saved = await admin.PostFormAsync("/admin/hourly-income", "/admin/hourly-income", new() { ["Year"] = "2026", ["Amount"] = "33.250,5", ["Source"] = "Tổng cục Thống kê, thu nhập bình quân 2025" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("33250.5", app.Scalar<string>("select amount from hourly_income where year = 2026"));
        var page = await Accounts.Html(await admin.GetAsync("/admin/hourly-income"));
        Assert.Contains("33.250,50", page.QuerySelector("[data-testid=hourly-income]")!.TextContent);

        var editor = await app.SignInAsync("canbo@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/hourly-income")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync("/workspace", "/admin/hourly-income", new() { ["Year"] = "2026", ["Amount"] = "1", ["Source"] = "x" })).StatusCode);
        Assert.Equal("33250.5", app.Scalar<string>("select amount from hourly_income where year = 2026"));
    }
}

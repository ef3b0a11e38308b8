using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Consultations;

/// <summary>The portal as shipped: a consultation must leave the public at least 20 days to comment.</summary>
public class MinimumWindowTests(MinimumWindowTests.ShippedMinimumPortal portal) : IClassFixture<MinimumWindowTests.ShippedMinimumPortal>, IAsyncLifetime
{
    public sealed class ShippedMinimumPortal : SharedPortal
    {
        // The shipped minimum, not the tests' working week (ConsultApp).
        public ShippedMinimumPortal() => Settings["Consultations:MinimumWindowDays"] = null;
    }

    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-11-10T09:00");
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await _app.CreateUserAsync("lanhdao@example.vn", "BCT", Roles.Lead);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Fields(string opens, string closes) => new()
    {
        ["Agency"] = "BCT", ["Subject"] = "regulation", ["SubjectRef"] = "1.000106", ["Title"] = "Lấy ý kiến về thủ tục cấp giấy phép bán buôn rượu",
        ["OpensOn"] = opens, ["ClosesOn"] = closes,
    };

    [Fact]
    public async Task A_window_shorter_than_twenty_days_is_refused_with_the_form_kept()
    {
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var form = await Accounts.Html(await lead.GetAsync("/consultations/new"));
        Assert.Contains("Ít nhất 20 ngày", form.QuerySelector("#window-hint")!.TextContent);

        var shortWindow = await lead.PostFormAsync("/consultations/new", "/consultations", Fields("16/11/2026", "04/12/2026"));
        Assert.Equal(HttpStatusCode.BadRequest, shortWindow.StatusCode);
        var page = await Accounts.Html(shortWindow);
        Assert.Equal("Thời gian lấy ý kiến phải ít nhất 20 ngày; đợt này chỉ có 19 ngày.", page.Errors().Single());
        Assert.Equal("04/12/2026", page.QuerySelector("input[name=ClosesOn]")!.GetAttribute("value"));
        Assert.Equal(0, _app.Scalar<long>("select count(*) from consultation"));

        var enough = await lead.PostFormAsync("/consultations/new", "/consultations", Fields("16/11/2026", "05/12/2026"));
        Assert.Equal(HttpStatusCode.Redirect, enough.StatusCode);
    }

    [Fact]
    public async Task A_window_published_late_must_still_leave_twenty_days()
    {
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var created = await lead.PostFormAsync("/consultations/new", "/consultations", Fields("16/11/2026", "05/12/2026"));
        var url = created.Headers.Location!.OriginalString;

        _app.Clock.Set("2026-11-18T09:00");
        lead = await _app.SignInAsync("lanhdao@example.vn");
        var late = await lead.PostFormAsync(url, url + "/window", new() { ["step"] = "open", ["expectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("đợt này chỉ có 18 ngày", (await Accounts.Html(late)).QuerySelector("main")!.TextContent);
        Assert.Equal(0, _app.Scalar<long>("select published from consultation"));
    }
}

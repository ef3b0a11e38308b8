using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Validation;

/// <summary>Finding 5: bad requests get a Vietnamese 400 or 413 page and change nothing, never a 500.</summary>
public class BadRequestTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await _app.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Dictionary<string, string> Regulation(string title) => new()
    {
        ["Code"] = "1.000106", ["Kind"] = "TTHC", ["Title"] = title, ["Agency"] = "BCT", ["Sectors"] = "Thương mại",
        ["LegalBasis[0].Number"] = "105/2017/NĐ-CP", ["LegalBasis[0].Article"] = "Điều 11", ["Status"] = "in_force", ["EffectiveDate"] = "2020-01-01",
        ["Content"] = "Nội dung.", ["ExpectedVersion"] = "1",
    };

    [Theory]
    [InlineData("Title")]
    [InlineData("Content")]
    [InlineData("EffectiveDate")]
    [InlineData("Sectors")]
    public async Task A_nul_byte_in_any_field_of_the_regulation_form_is_a_400_page_and_saves_nothing(string field)
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var form = Regulation("Tên mới");
        form[field] = form[field] + "\0x";
        var response = await editor.PostFormAsync("/workspace/regulations/1.000106/edit", "/workspace/regulations", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Yêu cầu không hợp lệ", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _app.Scalar<int>("select version from regulation where code = '1.000106'"));
    }

    [Fact]
    public async Task A_nul_byte_in_the_sign_in_email_or_a_query_is_a_400_page()
    {
        var response = await _app.Browser().PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "a\0@example.vn", ["Password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var search = await _app.CreateClient().GetAsync("/search?q=ruou%00");
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Contains("Yêu cầu không hợp lệ", await search.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_five_million_character_field_is_a_413_page_and_saves_nothing()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var response = await editor.PostFormAsync("/workspace/regulations/1.000106/edit", "/workspace/regulations", Regulation(new string('a', 5_000_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("quá lớn", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _app.Scalar<int>("select version from regulation where code = '1.000106'"));
    }

    [Fact]
    public async Task A_fifty_megabyte_body_is_a_413_page()
    {
        var content = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var response = await _app.CreateClient().PostAsync("/account/login", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 1: an agency code is normalised once and the permission is checked on exactly the code written.</summary>
public class AgencyIdentifierTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(Row("BYT-0001", "Cấp giấy chứng nhận cơ sở đủ điều kiện sản xuất thuốc", agency: "BYT", sectors: "Dược")));
        await _app.CreateUserAsync("canbo.byt@example.vn", "BYT", Roles.Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Regulation(string code, string agency, int version) => new()
    {
        ["Code"] = code,
        ["Kind"] = "TTHC",
        ["Title"] = "Cấp giấy chứng nhận cơ sở đủ điều kiện sản xuất thuốc",
        ["Agency"] = agency,
        ["Sectors"] = "Dược",
        ["LegalBasis[0].Number"] = "105/2017/NĐ-CP",
        ["LegalBasis[0].Article"] = "Điều 11",
        ["Status"] = "in_force",
        ["EffectiveDate"] = "2020-01-01",
        ["Content"] = "Nội dung quy định.",
        ["ExpectedVersion"] = version.ToString(),
    };

    [Theory]
    [InlineData("bct")]
    [InlineData("Bct")]
    [InlineData(" BCT")]
    [InlineData("BCT ")]
    public async Task An_editor_cannot_create_a_regulation_under_another_agency_in_any_spelling(string agency)
    {
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", Regulation("BYT-0099", agency, version: 0));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _app.Scalar<int>("select count(*) from regulation where code = 'BYT-0099'"));
    }

    [Theory]
    [InlineData("bct")]
    [InlineData(" Bct ")]
    public async Task An_editor_cannot_move_their_regulation_to_another_agency(string agency)
    {
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var response = await editor.PostFormAsync("/workspace/regulations/BYT-0001/edit", "/workspace/regulations", Regulation("BYT-0001", agency, version: 1));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("BYT", _app.Scalar<string>("select a.code from regulation r join agency a on a.id = r.agency_id where r.code = 'BYT-0001'"));
        Assert.Equal(1, _app.Scalar<int>("select version from regulation where code = 'BYT-0001'"));
    }

    [Fact]
    public async Task Their_own_agency_in_lower_case_is_their_own_agency()
    {
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", Regulation("BYT-0100", " byt ", version: 0));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("BYT", _app.Scalar<string>("select a.code from regulation r join agency a on a.id = r.agency_id where r.code = 'BYT-0100'"));
    }

    [Fact]
    public async Task An_unknown_agency_is_an_error_never_the_users_own()
    {
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", Regulation("BYT-0101", "XYZ", version: 0));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await Accounts.Html(response)).Errors(), e => e.Contains("XYZ"));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from regulation where code = 'BYT-0101'"));
    }

    [Theory]
    [InlineData(" bct ")]
    [InlineData("Bct")]
    public async Task An_editor_cannot_draft_a_plan_for_another_agency_in_any_spelling(string agency)
    {
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var response = await editor.PostFormAsync("/plans/new", "/plans", new()
        {
            ["Agency"] = agency, ["Title"] = "Phương án của cơ quan khác", ["Year"] = "2026", ["ExpectedVersion"] = "0",
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _app.Scalar<int>("select count(*) from plan"));
    }

    private static Dictionary<string, string> Document(string agency) => new()
    {
        ["Number"] = "77/2026/TT-BYT",
        ["Title"] = "Thông tư quy định về dược",
        ["Issuer"] = "Bộ Y tế",
        ["IssuedOn"] = "2026-01-12",
        ["Status"] = "in_force",
        ["Agency"] = agency,
        ["ExpectedVersion"] = "0",
    };

    [Theory]
    [InlineData("bct", HttpStatusCode.Forbidden)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task A_legal_document_is_never_stored_under_another_agency_or_none(string agency, HttpStatusCode expected)
    {
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var response = await editor.PostFormAsync("/workspace/documents/new", "/workspace/documents", Document(agency));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, _app.Scalar<int>("select count(*) from legal_document where number = '77/2026/TT-BYT'"));
    }

    [Fact]
    public async Task A_legal_document_in_their_own_agency_typed_in_lower_case_is_theirs()
    {
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var response = await editor.PostFormAsync("/workspace/documents/new", "/workspace/documents", Document("byt"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("BYT", _app.Scalar<string>("select a.code from legal_document d join agency a on a.id = d.agency_id where d.number = '77/2026/TT-BYT'"));
    }
}

using System.Net;
using System.Text;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Feedback;

/// <summary>Uploads go to the configured folder, which nodes sharing a database share, and are served from there.</summary>
public class SharedAttachmentFolderTests : IDisposable
{
    private readonly string _shared = Path.Combine(Path.GetTempPath(), "consult-tests", "shared-" + Guid.NewGuid().ToString("N"));
    private readonly ConsultApp _app;

    public SharedAttachmentFolderTests() => _app = new ConsultApp { Settings = { ["Storage:AttachmentDirectory"] = _shared } };

    public void Dispose()
    {
        _app.Dispose();
        if (Directory.Exists(_shared))
        {
            Directory.Delete(_shared, recursive: true);
        }
    }

    [Fact]
    public async Task A_feedback_attachment_is_kept_in_the_shared_folder_and_served_from_it()
    {
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await _app.CreateUserAsync("dn@example.vn");
        var business = await _app.SignInAsync("dn@example.vn");
        var page = await Accounts.Html(await business.GetAsync("/feedback/new"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("1.000106"), "Regulation" },
            { new StringContent("Phải nộp bản sao có chứng thực."), "Problem" },
            { new StringContent("Cho nộp bản chụp."), "Proposal" },
            { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj")), "Attachment", "ho-so.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await business.PostAsync("/feedback/new", form)).StatusCode);

        Assert.Single(Directory.GetFiles(_shared, "*.pdf"));
        Assert.False(Directory.Exists(Path.Combine(_app.DataDirectory, "attachments")));
        var id = _app.Scalar<long>("select attachment_id from feedback");
        var file = await _app.CreateClient().GetAsync($"/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("%PDF-1.7\n1 0 obj", await file.Content.ReadAsStringAsync());
    }
}

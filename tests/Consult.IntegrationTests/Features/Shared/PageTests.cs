using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Shared;

[Collection(nameof(DemoCollection))]
public class PageTests(DemoApp app)
{
    [Fact]
    public async Task Vietnamese_letters_are_written_as_themselves_not_entities()
    {
        var body = await app.CreateClient().GetStringAsync("/search?q=rượu");
        Assert.Contains("Tra cứu quy định", body);
        var encodedLetters = System.Text.RegularExpressions.Regex.Matches(body, "&#x([0-9A-Fa-f]+);")
            .Select(m => (char)Convert.ToInt32(m.Groups[1].Value, 16)).Where(char.IsLetter);
        Assert.Empty(encodedLetters);
    }

    [Theory]
    [InlineData("/regulations/KHONG-CO")]
    [InlineData("/legal-documents/999999")]
    [InlineData("/agencies/XYZ")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Missing_things_answer_404_in_vietnamese(string url)
    {
        var html = await app.GetPageAsync(url, expectedStatus: 404);
        Assert.Equal("Không tìm thấy trang", html.QuerySelector("h1")!.TextContent);
    }
}

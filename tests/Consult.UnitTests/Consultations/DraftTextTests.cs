using Consult.Domain.Consultations;

namespace Consult.UnitTests.Consultations;

public class DraftTextTests
{
    private const string Draft = """
        NGHỊ ĐỊNH
        Căn cứ Luật Tổ chức Chính phủ;
        Chương I
        QUY ĐỊNH CHUNG
        Điều 1. Phạm vi điều chỉnh
        Nghị định này quy định về kinh doanh rượu.
        Điều 2. Đối tượng áp dụng
        1. Thương nhân kinh doanh rượu.
        2. Cơ quan quản lý nhà nước.
        Chương II
        ĐIỀU KIỆN KINH DOANH
        Mục 1. BÁN BUÔN
        Điều 5. Điều kiện bán buôn rượu
        1. Là doanh nghiệp được thành lập theo quy định của pháp luật.
        2. Có kho hàng đáp ứng các yêu cầu sau:
        a) Diện tích từ 50 m2 trở lên;
        b) Có thiết bị bảo quản phù hợp.
        tiếp theo của khoản 2.
        """;

    [Fact]
    public void A_draft_splits_into_chapters_sections_articles_clauses_and_points()
    {
        var articles = DraftText.Parse(Draft);

        Assert.Equal(["1", "2", "5"], articles.Select(a => a.Number));
        Assert.Equal("Chương I. QUY ĐỊNH CHUNG", articles[0].Chapter);
        Assert.Equal("Nghị định này quy định về kinh doanh rượu.", articles[0].Body);
        Assert.Empty(articles[0].Clauses);
        var wholesale = articles[2];
        Assert.Equal("Chương II. ĐIỀU KIỆN KINH DOANH", wholesale.Chapter);
        Assert.Equal("Mục 1. BÁN BUÔN", wholesale.Section);
        Assert.Equal("Điều 5. Điều kiện bán buôn rượu", wholesale.Label);
        Assert.Equal(["1", "2"], wholesale.Clauses.Select(c => c.Number));
        Assert.Equal(["a", "b"], wholesale.Clauses[1].Points.Select(p => p.Letter));
        Assert.Equal("Có kho hàng đáp ứng các yêu cầu sau:\ntiếp theo của khoản 2.", wholesale.Clauses[1].Text);
        Assert.Equal("dieu-5-khoan-2", wholesale.Clauses[1].Anchor(wholesale));
        Assert.Equal("Điều 5 khoản 2", wholesale.Clauses[1].Label(wholesale));
    }

    [Fact]
    public void Text_without_articles_has_none_and_the_same_text_gives_the_same_anchors()
    {
        Assert.Empty(DraftText.Parse("Dự thảo chưa có điều khoản."));
        Assert.Empty(DraftText.Parse(null));
        Assert.Equal(DraftText.Parse(Draft).Select(a => a.Anchor), DraftText.Parse(Draft.Replace("\n", "\r\n")).Select(a => a.Anchor));
    }
}

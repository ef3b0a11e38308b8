using System.IO.Compression;
using System.Text;
using Consult.Domain.Consultations;

namespace Consult.UnitTests.Consultations;

public class ConsultationRulesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Theory]
    [InlineData("2026-11-20", 10, "2026-12-04")] // closes on a Friday: two full weeks later
    [InlineData("2026-11-21", 10, "2026-12-04")] // closes on a Saturday: counting starts on Monday
    [InlineData("2026-11-18", 1, "2026-11-19")]
    [InlineData("2026-11-20", 1, "2026-11-23")] // Friday + 1 working day is Monday
    [InlineData("2026-11-20", 0, "2026-11-20")]
    public void Working_days_skip_weekends(string start, int days, string due) =>
        Assert.Equal(D(due), WorkingDays.Add(D(start), days, WorkingCalendar.WeekendsOnly));

    /// <summary>Tết Bính Ngọ: the government's break ran from Saturday 14/02 to Sunday 22/02/2026.</summary>
    private static readonly WorkingCalendar Tet2026 = new(
        new HashSet<DateOnly> { D("2026-02-16"), D("2026-02-17"), D("2026-02-18"), D("2026-02-19"), D("2026-02-20") },
        new HashSet<DateOnly>());

    [Theory]
    [InlineData("2026-11-16", "2026-12-05", "2026-11-10", 20)] // published ahead: the whole window, both ends counted
    [InlineData("2026-11-16", "2026-12-05", "2026-11-18", 18)] // published two days late: two days lost
    [InlineData("2026-11-16", "2026-11-16", "2026-11-16", 1)]
    public void A_window_counts_its_days_from_the_later_of_opening_and_publishing(string opens, string closes, string published, int days) =>
        Assert.Equal(days, ConsultationWindowLength.DaysLeft(D(opens), D(closes), D(published)));

    [Theory]
    [InlineData("2026-02-13", 10, "2026-03-06")] // closes the Friday before Tết: the whole break is skipped
    [InlineData("2026-02-13", 1, "2026-02-23")]  // the first working day after Tết is Monday 23/02
    [InlineData("2026-02-09", 10, "2026-03-02")] // a deadline that runs through Tết is a week later
    public void Ten_working_days_across_Tet_skip_the_whole_break(string closed, int days, string due) =>
        Assert.Equal(D(due), AnswerDeadline.Due(D(closed), days, Tet2026));

    [Fact]
    public void A_weekend_worked_in_exchange_counts_and_the_swapped_weekday_does_not()
    {
        // 2026: Friday 02/01 off, worked on Saturday 10/01 instead.
        var calendar = new WorkingCalendar(new HashSet<DateOnly> { D("2026-01-01"), D("2026-01-02") }, new HashSet<DateOnly> { D("2026-01-10") });
        Assert.Equal(D("2026-01-05"), WorkingDays.Add(D("2025-12-31"), 1, calendar));
        Assert.Equal(D("2026-01-10"), WorkingDays.Add(D("2026-01-09"), 1, calendar));
        Assert.Equal(D("2026-01-12"), WorkingDays.Add(D("2026-01-09"), 2, calendar));
    }

    [Theory]
    [InlineData("2026-12-04", "2026-12-04", false)] // answered on the due day
    [InlineData("2026-12-04", "2026-12-07", true)]  // answered the next working day
    public void An_answer_is_late_only_after_its_due_day(string due, string answered, bool late) =>
        Assert.Equal(late, AnswerDeadline.IsLate(D(due), D(answered), today: D("2026-12-31")));

    [Theory]
    [InlineData("2026-12-04", false)]
    [InlineData("2026-12-05", true)]
    public void An_unanswered_comment_is_overdue_from_the_day_after_its_due_day(string today, bool overdue) =>
        Assert.Equal(overdue, AnswerDeadline.IsLate(D("2026-12-04"), null, D(today)));

    [Theory]
    [InlineData(false, false, "2026-11-10", ConsultationStatus.Draft)]
    [InlineData(true, false, "2026-11-09", ConsultationStatus.Upcoming)]
    [InlineData(true, false, "2026-11-10", ConsultationStatus.Open)]
    [InlineData(true, false, "2026-11-20", ConsultationStatus.Open)]
    [InlineData(true, false, "2026-11-21", ConsultationStatus.Closed)]
    [InlineData(true, true, "2026-11-12", ConsultationStatus.Closed)]
    public void The_status_follows_the_window(bool published, bool closedEarly, string today, ConsultationStatus expected) =>
        Assert.Equal(expected, ConsultationStatuses.Of(published, closedEarly, D("2026-11-10"), D("2026-11-20"), D(today), everyCommentAnswered: false));

    [Fact]
    public void A_closed_consultation_with_every_comment_answered_is_answered() =>
        Assert.Equal(ConsultationStatus.Answered, ConsultationStatuses.Of(true, false, D("2026-11-10"), D("2026-11-20"), D("2026-12-01"), true));

    [Fact]
    public void Repeats_are_found_whatever_the_case_marks_and_punctuation()
    {
        var a = CommentText.Key("Đề nghị BỎ yêu cầu nộp bản sao có chứng thực!");
        var b = CommentText.Key("đề nghị bỏ yêu cầu nộp bản sao có chứng thực");
        Assert.Equal(a, b);
        var near = CommentText.Key("Đề nghị bỏ yêu cầu nộp bản sao có chứng thực giấy phép kinh doanh của doanh nghiệp tại địa phương");
        var nearer = CommentText.Key("Đề nghị bỏ yêu cầu nộp bản sao có chứng thực giấy phép kinh doanh của doanh nghiệp tại địa phương.");
        Assert.Equal(1.0, CommentText.Similarity(near, nearer));
        Assert.True(CommentText.Similarity(a, CommentText.Key("Thời hạn giải quyết nên rút xuống còn năm ngày")) < 0.2);
    }

    [Fact]
    public void Links_are_split_out_and_trailing_punctuation_stays_text()
    {
        var parts = CommentText.Parts("Xem https://example.vn/a?b=1. Cảm ơn <b>bạn</b>");
        Assert.Equal([new("Xem ", false), new("https://example.vn/a?b=1", true), new(". Cảm ơn <b>bạn</b>", false)], parts);
        Assert.Equal([new("javascript:alert(1)", false)], CommentText.Parts("javascript:alert(1)"));
    }

    private static MemoryStream Zip(string entry)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<w:document/>");
        }
        return stream;
    }

    [Fact]
    public void A_zip_bomb_named_docx_is_refused()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            {
                writer.Write("<w:document/>");
            }
            using var padding = zip.CreateEntry("word/media/padding.bin", CompressionLevel.Optimal).Open();
            padding.Write(new byte[20 * 1024 * 1024]);
        }
        Assert.Null(AttachmentCheck.Recognise(stream));
    }

    [Fact]
    public void Attachments_are_recognised_by_content_not_name()
    {
        Assert.Equal(AttachmentType.Pdf, AttachmentCheck.Recognise(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n%...."))));
        Assert.Equal(AttachmentType.Docx, AttachmentCheck.Recognise(Zip("word/document.xml")));
        Assert.Null(AttachmentCheck.Recognise(Zip("xl/workbook.xml")));
        Assert.Null(AttachmentCheck.Recognise(new MemoryStream(Encoding.ASCII.GetBytes("MZ\x90\0\x03 this is an exe named .pdf"))));
        Assert.Null(AttachmentCheck.Recognise(new MemoryStream(Encoding.ASCII.GetBytes("<html><script>alert(1)</script>"))));
        Assert.Null(AttachmentCheck.Recognise(new MemoryStream(Encoding.ASCII.GetBytes("PK\x03\x04 broken zip"))));
        Assert.Null(AttachmentCheck.Recognise(new MemoryStream([])));
    }
}

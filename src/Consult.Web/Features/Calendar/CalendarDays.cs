using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Calendar;

/// <summary>Administrators keep the days off and the weekends worked that answer deadlines count with.</summary>
public static class CalendarDays
{
    public const string Entity = "calendar_day";

    public static string KindLabel(string kind) => kind == "worked" ? "Làm bù (thứ Bảy/Chủ nhật đi làm)" : "Nghỉ (ngày thường)";

    public static string WeekdayLabel(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? "Chủ nhật" : $"Thứ {"Hai Ba Tư Năm Sáu Bảy".Split(' ')[(int)day.DayOfWeek - 1]}";

    public sealed record Row(string Day, string Kind, string Name, string Source)
    {
        public DateOnly Date => DateOnly.ParseExact(Day, IsoDate.Pattern, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One year's days, and the years the calendar holds.</summary>
    public sealed record ListQuery(int Year) : IRequest<YearPage>;

    public sealed record YearPage(int Year, IReadOnlyList<int> Years, IReadOnlyList<Row> Days);

    public sealed record Save : IRequest<Unit>, ICommand
    {
        [Display(Name = "Ngày (dd/mm/yyyy)")]
        [Required(ErrorMessage = "Nhập ngày, ví dụ 16/02/2026.")]
        public string? Day { get; init; }

        [Display(Name = "Loại ngày")]
        [Required(ErrorMessage = "Chọn loại ngày.")]
        public string? Kind { get; init; }

        [Display(Name = "Tên (ví dụ Tết Nguyên đán, làm bù cho thứ Sáu 02/01)")]
        [Required(ErrorMessage = "Nhập tên ngày nghỉ hoặc lý do làm bù.")]
        [StringLength(200, ErrorMessage = "Tên dài quá 200 ký tự.")]
        public string? Name { get; init; }

        [Display(Name = "Căn cứ (văn bản, thông báo)")]
        [Required(ErrorMessage = "Nêu căn cứ, ví dụ số văn bản của Văn phòng Chính phủ hoặc thông báo của Bộ Nội vụ.")]
        [StringLength(500, ErrorMessage = "Căn cứ dài quá 500 ký tự.")]
        public string? Source { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed record Remove(string Day) : IRequest<Unit>, ICommand
    {
        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed class Handler(Db db, AuditLog audit) :
        IRequestHandler<ListQuery, YearPage>, IRequestHandler<Save, Unit>, IRequestHandler<Remove, Unit>
    {
        public async Task<YearPage> Handle(ListQuery request, CancellationToken cancellationToken)
        {
            var years = (await db.Connection.QueryAsync<int>("select distinct cast(substr(day, 1, 4) as integer) from calendar_day order by 1", transaction: db.Transaction)).ToList();
            var days = await db.Connection.QueryAsync<Row>(
                "select day, kind, name, source from calendar_day where day like @year order by day", new { year = $"{request.Year:D4}-%" }, db.Transaction);
            return new YearPage(request.Year, years, days.ToList());
        }

        public async Task<Unit> Handle(Save request, CancellationToken cancellationToken)
        {
            if (!IsoDate.TryRead(request.Day, out var day))
            {
                throw new UserInputException(nameof(Save.Day), $"\"{request.Day}\" không phải ngày hợp lệ; nhập dd/mm/yyyy, ví dụ 16/02/2026.");
            }
            if (request.Kind is not ("off" or "worked"))
            {
                throw new UserInputException(nameof(Save.Kind), "Chọn \"Nghỉ\" hoặc \"Làm bù\".");
            }
            if (WorkingCalendar.IsWeekend(day) != (request.Kind == "worked"))
            {
                throw new UserInputException(nameof(Save.Day), request.Kind == "worked"
                    ? $"{day:dd/MM/yyyy} là ngày thường; chỉ thứ Bảy hoặc Chủ nhật mới là ngày làm bù."
                    : $"{day:dd/MM/yyyy} là thứ Bảy hoặc Chủ nhật, vốn đã nghỉ; hãy ghi ngày nghỉ bù (ngày thường kế tiếp).");
            }
            var name = VietnameseFolding.Compose(request.Name!).Trim();
            var source = VietnameseFolding.Compose(request.Source!).Trim();
            await db.Connection.ExecuteAsync(
                """
                insert into calendar_day (day, kind, name, source) values (@day, @Kind, @name, @source)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name, source = excluded.source
                """, new { day = day.ToString(IsoDate.Pattern), request.Kind, name, source }, db.Transaction);
            audit.Record(new AuditEntry("update", Entity, day.ToString(IsoDate.Pattern), $"{KindLabel(request.Kind)}: {name}; {source}"));
            return Unit.Value;
        }

        public async Task<Unit> Handle(Remove request, CancellationToken cancellationToken)
        {
            var name = await db.Connection.ExecuteScalarAsync<string?>(
                "delete from calendar_day where day = @Day returning name", request, db.Transaction)
                ?? throw new UserInputException("", "Ngày này không còn trong lịch.");
            audit.Record(new AuditEntry("delete", Entity, request.Day, name));
            return Unit.Value;
        }
    }
}

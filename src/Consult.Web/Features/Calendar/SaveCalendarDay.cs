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

/// <summary>An administrator records a public holiday or a weekend worked in its place, with the notice that set it.</summary>
public static class SaveCalendarDay
{
    public sealed record Command : IRequest<Unit>, ICommand
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
        public string Name { get; init; } = "";

        [Display(Name = "Căn cứ (văn bản, thông báo)")]
        [Required(ErrorMessage = "Nêu căn cứ, ví dụ số văn bản của Văn phòng Chính phủ hoặc thông báo của Bộ Nội vụ.")]
        [StringLength(500, ErrorMessage = "Căn cứ dài quá 500 ký tự.")]
        public string Source { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed class Handler(Db db, AuditLog audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!IsoDate.TryRead(request.Day, out var day))
            {
                throw new UserInputException(nameof(Command.Day), $"\"{request.Day}\" không phải ngày hợp lệ; nhập dd/mm/yyyy, ví dụ 16/02/2026.");
            }
            if (request.Kind is not ("off" or "worked"))
            {
                throw new UserInputException(nameof(Command.Kind), "Chọn \"Nghỉ\" hoặc \"Làm bù\".");
            }
            if (WorkingCalendar.IsWeekend(day) != (request.Kind == "worked"))
            {
                throw new UserInputException(nameof(Command.Day), request.Kind == "worked"
                    ? $"{day:dd/MM/yyyy} là ngày thường; chỉ thứ Bảy hoặc Chủ nhật mới là ngày làm bù."
                    : $"{day:dd/MM/yyyy} là thứ Bảy hoặc Chủ nhật, vốn đã nghỉ; hãy ghi ngày nghỉ bù (ngày thường kế tiếp).");
            }
            var name = VietnameseFolding.Compose(request.Name).Trim();
            var source = VietnameseFolding.Compose(request.Source).Trim();
            await db.Connection.ExecuteAsync(db.Command(
                """
                insert into calendar_day (day, kind, name, source) values (@day, @Kind, @name, @source)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name, source = excluded.source
                """, new { day = day.ToString(IsoDate.Pattern), request.Kind, name, source }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("update", CalendarDays.Entity, day.ToString(IsoDate.Pattern), $"{CalendarDays.KindLabel(request.Kind)}: {name}; {source}"), cancellationToken);
            return Unit.Value;
        }
    }
}

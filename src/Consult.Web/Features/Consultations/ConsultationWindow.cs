using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>The agency lead opens a prepared consultation to comments (ending or extending it is <see cref="ChangeWindow"/>).</summary>
public static class ConsultationWindow
{
    public sealed record Command(long Id, string Action, int ExpectedVersion) : IRequest<string>, ICommand
    {
        public Permission Permission => Permission.AgencyWork(Roles.Lead, consultations: [Id]);
    }

    public sealed class Handler(Db db, ConsultationStore store, Notifier notifier, TimeProvider clock, IOptions<ConsultationOptions> options)
        : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var header = await store.CurrentAsync(request.Id, request.ExpectedVersion, cancellationToken);
            var today = clock.Today();
            switch (request.Action)
            {
                case "open" when !header.Published:
                    var closes = DateOnly.Parse(header.ClosesOn);
                    if (closes < today)
                    {
                        throw new UserInputException("", "Ngày kết thúc đã qua; hãy sửa thời gian lấy ý kiến trước khi công bố.");
                    }
                    if (ConsultationWindowLength.DaysLeft(header.Opens, closes, today) is var left && left < options.Value.MinimumWindowDays)
                    {
                        throw new UserInputException("", ConsultationWindowLength.TooShort(left, options.Value.MinimumWindowDays)
                            + " Hãy lùi ngày kết thúc trước khi công bố.");
                    }
                    await db.Connection.ExecuteAsync(db.Command("update consultation set published = true where id = @Id", header, cancellationToken));
                    await store.StepAsync(header, "open", $"Lấy ý kiến từ {header.Opens:dd/MM/yyyy} đến {DateOnly.Parse(header.ClosesOn):dd/MM/yyyy}", cancellationToken);
                    await notifier.ConsultationOpenedAsync(header.Id, cancellationToken);
                    return "Đã công bố đợt lấy ý kiến.";
                default:
                    throw new UserInputException("", "Không thực hiện được thao tác này ở trạng thái hiện tại của đợt lấy ý kiến.");
            }
        }
    }
}

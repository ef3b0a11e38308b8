using Consult.Domain.Accounts;
using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using MediatR;

namespace Consult.Web.Features.Workspace;

/// <summary>Publishes, unpublishes or repeals a regulation, keeping everything else as saved.</summary>
public static class ChangeRegulation
{
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["publish"] = "Đã công khai quy định.",
        ["unpublish"] = "Đã thôi công khai quy định.",
        ["repeal"] = "Đã ghi nhận quy định bị bãi bỏ.",
    };

    public sealed record Command : IRequest<string>, ICommand
    {
        public string Code { get; init; } = "";
        public string? Action { get; init; }
        public int ExpectedVersion { get; init; }
        /// <summary>Repealing asks first (<see cref="ConfirmationRequiredException"/>); publishing can be undone and does not.</summary>
        public bool Confirmed { get; init; }

        public Permission Permission => Permission.AgencyWork(Action == "repeal" ? Roles.Editor : Roles.Lead, regulations: [Code]);
    }

    public sealed class Handler(RegulationReader reader, RegulationWriter writer) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            if (request.Action is null || !Actions.TryGetValue(request.Action, out var done))
            {
                throw new UserInputException("", "Thao tác không hợp lệ.");
            }
            var current = await reader.CurrentAsync(request.Code, cancellationToken) ?? throw new UserInputException("", $"Không có quy định mã {request.Code}.");
            if (request.Action == "repeal" && !request.Confirmed)
            {
                throw new ConfirmationRequiredException($"Ghi nhận quy định {request.Code} đã bị bãi bỏ?",
                [
                    $"\"{current.Snapshot.Title}\" chuyển sang tình trạng Đã bãi bỏ trong một phiên bản mới; các phiên bản trước vẫn được giữ.",
                    "Quy định không còn được tính vào số quy định đang có hiệu lực, trên mọi trang, báo cáo và chỉ số.",
                    "Muốn khôi phục phải sửa lại tình trạng và lưu, thành một phiên bản khác.",
                ], "Ghi nhận bãi bỏ", WorkspaceLinks.EditRegulation(request.Code));
            }
            var row = current.Snapshot.ToRow();
            row = request.Action switch
            {
                "publish" => row with { Published = true },
                "unpublish" => row with { Published = false },
                _ => row with { Status = Domain.Registry.RegulationStatus.Repealed },
            };
            await writer.SaveAsync(row, "web", cancellationToken, request.ExpectedVersion, request.Action);
            return done;
        }
    }
}

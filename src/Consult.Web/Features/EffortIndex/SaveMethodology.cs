using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Consult.Domain.Accounts;
using Consult.Domain.EffortIndex;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.EffortIndex;

/// <summary>A reviewer sets new points and targets for periods that have not started yet; earlier periods keep theirs.</summary>
public static class SaveMethodology
{
    public sealed record Command : IRequest<int>, ICommand
    {
        [Display(Name = "Áp dụng từ kỳ")]
        [Required(ErrorMessage = "Nhập kỳ bắt đầu áp dụng, ví dụ 2027 hoặc 2027-Q1.")]
        public string? EffectiveFrom { get; init; }

        /// <summary>Points per indicator key, as typed.</summary>
        public Dictionary<string, string> Points { get; init; } = [];

        [Display(Name = "Mục tiêu cắt giảm quy định (%)")] public string? RegulationTarget { get; init; }
        [Display(Name = "Mục tiêu cắt giảm chi phí (%)")] public string? CostTarget { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, IndexService index, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var errors = new List<(string, string)>();
            var period = ReportingPeriod.Parse(request.EffectiveFrom);
            if (period is null)
            {
                errors.Add((nameof(Command.EffectiveFrom), "Kỳ không hợp lệ; viết 2027 hoặc 2027-Q1."));
            }
            else if (period.Start <= clock.Today())
            {
                errors.Add((nameof(Command.EffectiveFrom), "Chỉ đổi phương pháp cho kỳ chưa bắt đầu; kỳ đã và đang diễn ra giữ phương pháp cũ."));
            }
            var current = period is null ? Methodology.Default : await index.MethodologyForAsync(period, cancellationToken);
            var indicators = new List<IndicatorDefinition>();
            foreach (var definition in current.Indicators)
            {
                if (!VietnameseNumbers.TryRead(request.Points.GetValueOrDefault(definition.Key), out var points) || points < 0)
                {
                    errors.Add(($"Points[{definition.Key}]", $"Điểm của \"{definition.Label}\" không hợp lệ."));
                }
                indicators.Add(definition with { MaxPoints = points });
            }
            if (errors.Count == 0 && indicators.Sum(i => i.MaxPoints) != 100)
            {
                errors.Add(("", $"Tổng điểm phải bằng 100 (đang là {VietnameseNumbers.Show(indicators.Sum(i => i.MaxPoints), 2)})."));
            }
            decimal Percent(string field, string? text)
            {
                if (!VietnameseNumbers.TryRead(text, out var value) || value <= 0 || value > 100)
                {
                    errors.Add((field, "Mục tiêu là phần trăm từ 0 đến 100."));
                }
                return value / 100;
            }
            var regulationTarget = Percent(nameof(Command.RegulationTarget), request.RegulationTarget);
            var costTarget = Percent(nameof(Command.CostTarget), request.CostTarget);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }
            var version = Math.Max(await db.Connection.ExecuteScalarAsync<int>(db.Command("select coalesce(max(version), 0) from methodology", null, cancellationToken)),
                Methodology.BuiltIn.Max(m => m.Version)) + 1;
            var methodology = current with
            {
                Version = version, EffectiveFrom = period!.Key, Indicators = indicators, RegulationTarget = regulationTarget, CostTarget = costTarget,
            };
            await db.Connection.ExecuteAsync(db.Command(
                "insert into methodology (version, effective_from, definition, created_at, created_by) values (@version, @from, @definition, @now, @userId)",
                new { version, from = period!.Start.ToString(IsoDate.Pattern), definition = JsonSerializer.Serialize(methodology, IndexSnapshot.Json), now = clock.GetUtcNow(), userId = user.Id }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("create", "methodology", version.ToString(), $"Áp dụng từ {period.Label}"), cancellationToken);
            return version;
        }
    }
}

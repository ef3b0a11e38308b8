using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Infrastructure.Mediator;

/// <summary>
/// The one place writes are allowed or refused: every command states its <see cref="Permission"/>,
/// and this checks it against the current user before the handler runs, whatever route the command came by.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(PermissionCheck permissions) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await permissions.DemandAsync(request.Permission, cancellationToken);
        return await next();
    }
}

/// <summary>Whether the current user may do what a <see cref="Permission"/> names; also asked before a form is shown again.</summary>
public sealed class PermissionCheck(Db db, CurrentUser user, TimeProvider clock)
{
    /// <summary>Throws <see cref="ForbiddenException"/> with the reason when the user may not.</summary>
    public async Task DemandAsync(Permission permission, CancellationToken cancellationToken)
    {
        if (!user.IsSystem && await RefusalAsync(permission, cancellationToken) is { } refusal)
        {
            throw new ForbiddenException(refusal);
        }
    }

    private async Task<string?> RefusalAsync(Permission permission, CancellationToken cancellationToken)
    {
        if (permission.Anyone)
        {
            return null;
        }
        if (!user.IsSignedIn)
        {
            return "Hãy đăng nhập.";
        }
        if (permission.AuthoredComments.Count > 0)
        {
            var authors = await db.Connection.QueryAsync<long>(db.Command($"select user_id from comment where id {db.Storage.In("@AuthoredComments")}", permission, cancellationToken));
            return authors.All(author => author == user.Id) ? null : "Chỉ người gửi ý kiến mới làm được việc này.";
        }
        if (permission.AuthoredFeedback.Count > 0)
        {
            var authors = await db.Connection.QueryAsync<long>(db.Command($"select user_id from feedback where id {db.Storage.In("@AuthoredFeedback")}", permission, cancellationToken));
            return authors.Any() && authors.All(author => author == user.Id) ? null : "Chỉ người gửi phản ánh mới làm được việc này.";
        }
        if (permission.Roles.Count == 0)
        {
            return null;
        }
        if (!permission.InAgencies)
        {
            return permission.Roles.Any(user.IsIn) ? null : "Tài khoản của bạn không có quyền này.";
        }
        var role = permission.Roles[0];

        // Codes were normalised once (Permission.AgencyWork); an agency that does not exist is an error, never a fallback.
        var known = (await db.Connection.QueryAsync<(int Id, string Code, string Name, string? ValidTo, string? Successor)>(db.Command(
            $"select a.id, a.code, a.name, a.valid_to, s.name from agency a left join agency s on s.id = a.successor_id where a.code {db.Storage.In("@Agencies")}",
            permission, cancellationToken))).ToList();
        if (permission.Agencies.FirstOrDefault(code => known.All(a => a.Code != code)) is { } unknown)
        {
            throw new UserInputException("", $"Không có cơ quan mã \"{unknown}\"; không lưu được.");
        }
        // New records go to the agencies of today; the history of a merged agency is kept, not added to.
        var today = clock.Today().ToString(IsoDate.Pattern);
        if (known.FirstOrDefault(a => a.ValidTo is { } last && string.CompareOrdinal(last, today) < 0) is { Code: not null } gone)
        {
            throw new UserInputException("", $"{gone.Name} không còn hoạt động từ ngày {VietnameseDates.Show(IsoDate.TryRead(gone.ValidTo, out var day) ? day.AddDays(1) : default)}"
                + (gone.Successor is null ? "; không lưu được." : $"; việc của cơ quan này nay thuộc {gone.Successor}."));
        }
        var agencyIds = (await db.Connection.QueryAsync<int>(db.Command(
            $"""
            select agency_id from regulation where code_key {db.Storage.In("@regulationKeys")}
            union select coalesce(agency_id, 0) from legal_document where id {db.Storage.In("@Documents")}
            union select agency_id from plan where id {db.Storage.In("@Plans")}
            union select agency_id from consultation where id {db.Storage.In("@Consultations")}
            union select agency_id from feedback where id {db.Storage.In("@Feedback")}
            union select coalesce(transfer_to, 0) from feedback where id {db.Storage.In("@FeedbackOffered")}
            """,
            new
            {
                regulationKeys = permission.Regulations.Select(RegulationCode.Key).ToArray(), permission.Documents, permission.Plans, permission.Consultations,
                permission.Feedback, permission.FeedbackOffered,
            },
            cancellationToken))).Concat(known.Select(a => a.Id)).ToList();
        if (permission.NamesNothing)
        {
            agencyIds.Add(user.AgencyId ?? 0); // a command that names nothing acts for the user's own agency
        }
        return agencyIds.All(id => user.Holds(role, id))
            ? null
            : "Bạn chỉ được cập nhật dữ liệu của cơ quan mình, với vai trò được giao.";
    }
}

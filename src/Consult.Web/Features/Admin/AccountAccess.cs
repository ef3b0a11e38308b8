using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Validation;
using Dapper;

namespace Consult.Web.Features.Admin;

/// <summary>The rules an account's agency, roles and province keep, whoever sets them: shared by creating and changing an account.</summary>
public static class AccountAccess
{
    /// <summary>Known roles only; editors and leads belong to an agency, and only they do.</summary>
    public static async Task<int?> AgencyIdAsync(Db db, string? agency, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        if (roles.Except(Roles.All).Any())
        {
            throw new UserInputException(nameof(SetUserAccess.Command.Roles), "Chọn vai trò trong danh sách.");
        }
        int? agencyId = string.IsNullOrWhiteSpace(agency) ? null
            : await db.Connection.ExecuteScalarAsync<int?>(db.Command("select id from agency where code = @agency", new { agency }, cancellationToken))
                ?? throw new UserInputException(nameof(SetUserAccess.Command.Agency), $"Không có cơ quan mã \"{agency}\".");
        if (roles.Any(Roles.IsAgencyRole) && agencyId is null)
        {
            throw new UserInputException(nameof(SetUserAccess.Command.Agency), "Cán bộ cập nhật và lãnh đạo đơn vị phải thuộc một cơ quan.");
        }
        return agencyId;
    }

    /// <summary>A provincial office speaks for exactly one of today's provinces; no one else is bound to one.</summary>
    public static async Task<string?> ProvinceAsync(Db db, string? province, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var code = province?.Trim() ?? "";
        if (!roles.Contains(Roles.ProvincialOffice))
        {
            return code.Length == 0 ? null
                : throw new UserInputException(nameof(SetUserAccess.Command.Province), "Chỉ tài khoản văn phòng UBND tỉnh gắn với một tỉnh, thành phố.");
        }
        return await db.Connection.ExecuteScalarAsync<string?>(db.Command("select code from province where code = @code", new { code }, cancellationToken))
            ?? throw new UserInputException(nameof(SetUserAccess.Command.Province), "Văn phòng UBND tỉnh phải gắn với một tỉnh, thành phố trong danh sách.");
    }

    public static Task SetProvinceAsync(Db db, long userId, string? province, CancellationToken cancellationToken) =>
        db.Connection.ExecuteAsync(db.Command(
            province is null
                ? "delete from user_province where user_id = @userId"
                : "insert into user_province (user_id, province_code) values (@userId, @province) on conflict (user_id) do update set province_code = @province",
            new { userId, province }, cancellationToken));

    public static string Describe(string? agency, IReadOnlyList<string> roles, string? province) =>
        $"Vai trò: {(roles.Count == 0 ? "không" : string.Join(", ", roles.Select(Roles.Label)))}; cơ quan: {(string.IsNullOrWhiteSpace(agency) ? "không" : agency)}"
        + (province is null ? "" : $"; tỉnh: {province}");
}

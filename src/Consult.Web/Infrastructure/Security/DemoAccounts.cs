using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Infrastructure.Security;

/// <summary>One account per role for the demo, created with the demo registry and listed in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Kind, string? Agency, string[] Roles, string? Province)> All =
    [
        ("quantri@consult.demo", "Quản trị hệ thống", "government", null, [Roles.Admin], null),
        ("ratsoat@consult.demo", "Cục Kiểm soát TTHC (VPCP)", "government", "VPCP", [Roles.Reviewer], null),
        ("lanhdao.bct@consult.demo", "Lãnh đạo Văn phòng Bộ Công Thương", "government", "BCT", [Roles.Lead], null),
        ("canbo.bct@consult.demo", "Cán bộ Bộ Công Thương", "government", "BCT", [Roles.Editor], null),
        ("canbo.byt@consult.demo", "Cán bộ Bộ Y tế", "government", "BYT", [Roles.Editor], null),
        ("lanhdao.byt@consult.demo", "Lãnh đạo Văn phòng Bộ Y tế", "government", "BYT", [Roles.Lead], null),
        ("doanhnghiep@consult.demo", "Công ty cổ phần Minh Họa", "business", null, [], null),
        ("vanphong.hcm@consult.demo", "Văn phòng UBND Thành phố Hồ Chí Minh", "government", null, [Roles.ProvincialOffice], "79"),
        ("hoidong@consult.demo", "TS. Trần Minh Họa", "expert", null, [Roles.Advisor], null),
    ];

    public static async Task CreateAsync(UserManager<AppUser> users, Db db, TimeProvider clock)
    {
        var agencies = (await db.Connection.QueryAsync<(string Code, int Id)>("select code, id from agency")).ToDictionary(a => a.Code, a => a.Id);
        foreach (var (email, name, kind, agency, roles, province) in All)
        {
            var user = new AppUser
            {
                Email = email,
                DisplayName = name,
                UserKind = kind,
                AgencyId = agency is null ? null : agencies[agency],
                TaxCode = kind == "business" ? "0100109106" : null,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            foreach (var role in roles)
            {
                await users.AddToRoleAsync(user, role);
            }
            if (province is not null)
            {
                await db.Connection.ExecuteAsync("insert into user_province (user_id, province_code) values (@Id, @province)", new { user.Id, province }, db.Transaction);
            }
        }
    }
}

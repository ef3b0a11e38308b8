using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Infrastructure.Security;

/// <summary>One account per role for the demo, created with the demo registry and listed in the README.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Kind, string? Agency, string[] Roles)> All =
    [
        ("quantri@consult.demo", "Quản trị hệ thống", "government", null, [Roles.Admin]),
        ("ratsoat@consult.demo", "Cục Kiểm soát TTHC (VPCP)", "government", "VPCP", [Roles.Reviewer]),
        ("lanhdao.bct@consult.demo", "Lãnh đạo Văn phòng Bộ Công Thương", "government", "BCT", [Roles.Lead]),
        ("canbo.bct@consult.demo", "Cán bộ Bộ Công Thương", "government", "BCT", [Roles.Editor]),
        ("canbo.byt@consult.demo", "Cán bộ Bộ Y tế", "government", "BYT", [Roles.Editor]),
        ("lanhdao.byt@consult.demo", "Lãnh đạo Văn phòng Bộ Y tế", "government", "BYT", [Roles.Lead]),
        ("doanhnghiep@consult.demo", "Công ty cổ phần Minh Họa", "business", null, []),
    ];

    public static async Task CreateAsync(UserManager<AppUser> users, Db db)
    {
        var agencies = (await db.Connection.QueryAsync<(string Code, int Id)>("select code, id from agency")).ToDictionary(a => a.Code, a => a.Id);
        foreach (var (email, name, kind, agency, roles) in All)
        {
            var user = new AppUser
            {
                Email = email,
                DisplayName = name,
                UserKind = kind,
                AgencyId = agency is null ? null : agencies[agency],
                TaxCode = kind == "business" ? "0100109106" : null,
                CreatedAt = DateTimeOffset.UtcNow,
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
        }
    }
}

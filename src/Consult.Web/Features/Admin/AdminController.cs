using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Admin;

[Authorize(Policy = IdentitySetup.AdminPolicy)]
[Route("admin")]
public sealed class AdminController(IMediator mediator, SiteLinks links) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => Redirect(AdminLinks.Users());

    [HttpGet("users")]
    public async Task<IActionResult> Users([FromQuery] UserList.Query query) => View(await mediator.Send(query));

    [HttpGet("users/new")]
    public IActionResult NewUser() => View(new CreateStaffAccount.Command());

    [HttpPost("users")]
    [FormView(nameof(NewUser))]
    public async Task<IActionResult> CreateUser(CreateStaffAccount.Command command)
    {
        await mediator.Send(command with { ResetPage = links.Absolute(AccountLinks.ResetPassword) });
        TempData["Notice"] = $"Đã tạo tài khoản {command.Email} và gửi liên kết đặt mật khẩu.";
        return Redirect(AdminLinks.Users());
    }

    [HttpGet("users/{id:long}")]
    public async Task<IActionResult> UserAccess(long id) =>
        await mediator.Send(new SetUserAccess.Query(id)) is { } form ? View(form) : NotFound();

    [HttpPost("users/{id:long}")]
    [FormView(nameof(UserAccess))]
    public async Task<IActionResult> SetAccess(long id, SetUserAccess.Command command)
    {
        await mediator.Send(command with { Id = id });
        TempData["Notice"] = "Đã cập nhật quyền của tài khoản.";
        return Redirect(AdminLinks.Users());
    }

    [HttpGet("agencies")]
    public async Task<IActionResult> Agencies() => View(await mediator.Send(new AdminAgencyList.Query()));

    [HttpGet("agencies/new")]
    public IActionResult NewAgency() => View("AgencyForm", new SaveAgency.Command());

    [HttpGet("agencies/{id:int}")]
    public async Task<IActionResult> EditAgency(int id) =>
        (await mediator.Send(new AdminAgencyList.Query())).FirstOrDefault(a => a.Id == id) is { } agency
            ? View("AgencyForm", new SaveAgency.Command { Id = agency.Id, Code = agency.Code, Name = agency.Name })
            : NotFound();

    [HttpPost("agencies")]
    [FormView("AgencyForm")]
    public async Task<IActionResult> SaveAgency(SaveAgency.Command command)
    {
        await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu cơ quan {command.Name}.";
        return Redirect(AdminLinks.Agencies);
    }

    [HttpGet("agencies/{code}/reorganise")]
    public IActionResult Reorganise(string code) => View(new ReorganiseAgency.Command { Code = code, EffectiveOn = "01/03/2025" });

    /// <summary>Shows what would move; the confirmation, a second post with Confirm, moves it.</summary>
    [HttpPost("agencies/{code}/reorganise")]
    [FormView(nameof(Reorganise))]
    public async Task<IActionResult> Reorganise(string code, ReorganiseAgency.Command command)
    {
        var result = await mediator.Send(command with { Code = code });
        if (!result.Done)
        {
            return View("ReorganisePreview", new ReorganiseAgency.Preview(command with { Code = code }, result));
        }
        TempData["Notice"] = $"Đã chuyển {result.From.Name} sang {result.To.Name} từ ngày {Consult.Domain.Text.VietnameseDates.Show(result.EffectiveOn)}.";
        return Redirect(AdminLinks.Agencies);
    }

    [HttpGet("sectors")]
    public async Task<IActionResult> Sectors() => View(await mediator.Send(new AdminSectorList.Query()));

    [HttpGet("sectors/new")]
    public IActionResult NewSector() => View("SectorForm", new SaveSector.Command());

    [HttpGet("sectors/{id:int}")]
    public async Task<IActionResult> EditSector(int id) =>
        (await mediator.Send(new AdminSectorList.Query())).FirstOrDefault(s => s.Id == id) is { } sector
            ? View("SectorForm", new SaveSector.Command { Id = sector.Id, Name = sector.Name })
            : NotFound();

    [HttpPost("sectors")]
    [FormView("SectorForm")]
    public async Task<IActionResult> SaveSector(SaveSector.Command command)
    {
        await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu lĩnh vực {command.Name}.";
        return Redirect(AdminLinks.Sectors);
    }
}

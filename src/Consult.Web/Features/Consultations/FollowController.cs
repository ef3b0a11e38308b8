using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Consultations;

[Authorize]
[Route("follow")]
public sealed class FollowController(IMediator mediator) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Follow(string target, long targetId, bool on, string? returnUrl)
    {
        await mediator.Send(new Follow.Command(target, targetId, on));
        TempData["Notice"] = on ? "Đã theo dõi; bạn sẽ nhận thông báo trên cổng và thư tổng hợp hằng ngày." : "Đã bỏ theo dõi.";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : AccountLinks.Notifications);
    }
}

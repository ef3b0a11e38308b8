using Consult.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Consult.Web.Infrastructure.Validation;

/// <summary>Marks a form's POST action: invalid input shows this view again, with the posted model.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormViewAttribute(string viewName) : Attribute
{
    public string ViewName { get; } = viewName;
}

/// <summary>
/// One way for every form: a model that fails its annotations, or a handler's <see cref="UserInputException"/>,
/// brings back the same view with what the user typed, the Vietnamese messages and status 400
/// (a button without a form of its own gets a page with the messages).
/// A <see cref="ForbiddenException"/> anywhere becomes 403, or the sign-in page for someone not signed in; a
/// <see cref="ConfirmationRequiredException"/> becomes the page that asks to confirm. A form's "add a row" button brings the
/// form back with what was typed, nothing saved.
/// </summary>
public sealed class UserInputFilter(IModelMetadataProvider metadata) : IAsyncActionFilter
{
    /// <summary>The name of a form's "add a row" button (<c>_Rows.cshtml</c>): the form comes back with one more empty row, nothing saved.</summary>
    public const string AddRowField = "AddRow";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var form = context.ActionDescriptor.EndpointMetadata.OfType<FormViewAttribute>().FirstOrDefault();
        var model = context.ActionArguments.Values.FirstOrDefault(v => v is not null && v is not string && !v.GetType().IsValueType);
        var request = context.HttpContext.Request;
        var addsRow = request.HasFormContentType && request.Form.ContainsKey(AddRowField);
        if (form is not null && (addsRow || !context.ModelState.IsValid))
        {
            // A form shown again may show the stored record beside it: only to someone who could have saved it.
            if (model is ICommand command && await RefusedAsync(context, command) is { } refused)
            {
                context.Result = refused;
                return;
            }
            if (addsRow)
            {
                context.ModelState.Clear();
            }
            context.Result = FormAgain(context, form, model, addsRow ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
            return;
        }

        var executed = await next();
        if (executed.Exception is { } exception && Outcome(context, form, model, exception) is { } result)
        {
            executed.Result = result;
            executed.ExceptionHandled = true;
        }
    }

    private async Task<IActionResult?> RefusedAsync(ActionExecutingContext context, ICommand command)
    {
        try
        {
            await context.HttpContext.RequestServices.GetRequiredService<PermissionCheck>().DemandAsync(command.Permission, context.HttpContext.RequestAborted);
            return null;
        }
        catch (Exception exception) when (exception is ForbiddenException or UserInputException)
        {
            return Outcome(context, null, null, exception);
        }
    }

    private IActionResult? Outcome(ActionContext context, FormViewAttribute? form, object? model, Exception exception)
    {
        switch (exception)
        {
            case UserInputException input when form is not null:
                foreach (var (field, message) in input.Errors)
                {
                    context.ModelState.AddModelError(field, message);
                }
                return FormAgain(context, form, model, input.StatusCode);
            case UserInputException input:
                return new ViewResult
                {
                    ViewName = "Refused",
                    StatusCode = input.StatusCode,
                    ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = input.Errors.Select(e => e.Message).ToList() },
                };
            case ConfirmationRequiredException confirmation:
                var request = context.HttpContext.Request;
                return new ViewResult
                {
                    ViewName = "Confirm",
                    ViewData = new ViewDataDictionary(metadata, context.ModelState)
                    {
                        Model = confirmation.Page with
                        {
                            Action = request.Path + request.QueryString,
                            Fields = !request.HasFormContentType ? [] : [.. request.Form.Where(f => f.Key is not ("__RequestVerificationToken" or "Confirmed"))
                                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))],
                        },
                    },
                };
            case ForbiddenException:
                return context.HttpContext.User.Identity?.IsAuthenticated == true
                    ? new StatusCodeResult(StatusCodes.Status403Forbidden)
                    : new ChallengeResult();
            default:
                return null;
        }
    }

    private ViewResult FormAgain(ActionContext context, FormViewAttribute form, object? model, int status) => new()
    {
        ViewName = form.ViewName,
        StatusCode = status,
        ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = model },
    };
}

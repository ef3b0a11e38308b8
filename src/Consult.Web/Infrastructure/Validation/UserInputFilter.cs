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
/// <see cref="ConfirmationRequiredException"/> becomes the page that asks to confirm.
/// </summary>
public sealed class UserInputFilter(IModelMetadataProvider metadata) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var form = context.ActionDescriptor.EndpointMetadata.OfType<FormViewAttribute>().FirstOrDefault();
        var model = context.ActionArguments.Values.FirstOrDefault(v => v is not null && v is not string && !v.GetType().IsValueType);
        if (form is not null && !context.ModelState.IsValid)
        {
            context.Result = FormAgain(context, form, model, StatusCodes.Status400BadRequest);
            return;
        }

        var executed = await next();
        switch (executed.Exception)
        {
            case UserInputException input when form is not null:
                foreach (var (field, message) in input.Errors)
                {
                    context.ModelState.AddModelError(field, message);
                }
                executed.Result = FormAgain(context, form, model, input.StatusCode);
                executed.ExceptionHandled = true;
                break;
            case UserInputException input:
                executed.Result = new ViewResult
                {
                    ViewName = "Refused",
                    StatusCode = input.StatusCode,
                    ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = input.Errors.Select(e => e.Message).ToList() },
                };
                executed.ExceptionHandled = true;
                break;
            case ConfirmationRequiredException confirmation:
                var request = context.HttpContext.Request;
                executed.Result = new ViewResult
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
                executed.ExceptionHandled = true;
                break;
            case ForbiddenException:
                executed.Result = context.HttpContext.User.Identity?.IsAuthenticated == true
                    ? new StatusCodeResult(StatusCodes.Status403Forbidden)
                    : new ChallengeResult();
                executed.ExceptionHandled = true;
                break;
        }
    }

    private ViewResult FormAgain(ActionContext context, FormViewAttribute form, object? model, int status) => new()
    {
        ViewName = form.ViewName,
        StatusCode = status,
        ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = model },
    };
}

using Microsoft.AspNetCore.Http.Features;

namespace Consult.Web.Infrastructure.Validation;

/// <summary>
/// Turns requests no form can send into a Vietnamese 400 or 413 page before anything reads them: bodies over
/// <see cref="MaxBodyBytes"/>, form fields over <see cref="MaxFieldChars"/>, and control characters such as NUL in
/// any field or query value (no Vietnamese text has them, and they break what stores and compares text).
/// </summary>
public sealed class RequestGuard(RequestDelegate next)
{
    /// <summary>A 10 MB attachment with its form.</summary>
    public const long MaxBodyBytes = 12 * 1024 * 1024;

    public const int MaxFieldChars = 200_000;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (context.Request.Query.Any(p => p.Value.Any(HasControlCharacters)))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest);
            return;
        }
        if (context.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(new FormOptions
                {
                    ValueLengthLimit = MaxFieldChars,
                    MultipartBodyLengthLimit = MaxBodyBytes,
                }, context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                // The form reader refuses both what is too long ("…limit… exceeded") and what it cannot decode (NUL).
                var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                    || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
                await RefuseAsync(context, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
                return;
            }
            if (form.Any(f => f.Value.Any(HasControlCharacters)))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest);
                return;
            }
        }
        await next(context);
    }

    // Written here rather than re-executed: the refused request's form must not run through the pipeline again.
    private static Task RefuseAsync(HttpContext context, int status)
    {
        var (title, text) = status == StatusCodes.Status413PayloadTooLarge
            ? ("Dữ liệu gửi lên quá lớn", "Nội dung hoặc tệp đính kèm vượt quá giới hạn của cổng (tệp tối đa 10 MB). Hãy rút gọn rồi gửi lại.")
            : ("Yêu cầu không hợp lệ", "Nội dung gửi lên có ký tự điều khiển không hợp lệ. Hãy gõ lại (đừng dán từ tệp nhị phân) rồi gửi lại.");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} – Cổng tham vấn và tra cứu quy định kinh doanh</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container"><h1>{title}</h1><p>{text}</p><p><a href="/">Về trang chủ</a></p></main></body></html>
            """);
    }

    private static bool HasControlCharacters(string? value)
    {
        foreach (var c in value ?? "")
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }
        return false;
    }
}

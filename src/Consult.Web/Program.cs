using System.Text.Encodings.Web;
using System.Text.Unicode;
using Consult.Web.Features.ApiDocs;
using Consult.Web.Infrastructure.Cli;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

if (DatabaseCopy.IsCopy(args))
{
    // Between two databases named on the command line: the portal's own settings and services play no part.
    return await DatabaseCopy.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

builder.Services.AddConsultCore(builder.Configuration);
builder.Services.AddConsultIdentity(builder.Configuration);
builder.Services.AddHostedService<Consult.Web.Features.Consultations.DigestService>();
builder.Services.AddHostedService<Consult.Web.Infrastructure.Search.SearchIndexer>();
builder.Services.AddOpenDataApi();
builder.Services
    .AddControllersWithViews(options =>
    {
        options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        options.Filters.Add<UserInputFilter>();
        options.Conventions.Add(new RouteValuesFromRoute());
        options.Conventions.Add(new Consult.Web.Features.ApiDocs.OpenDataApiConvention());
        BindingMessages.Apply(options.ModelBindingMessageProvider);
    })
    .AddRazorOptions(options =>
    {
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add(FeatureFolders.Location);
        options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        options.ViewLocationExpanders.Add(new FeatureFolders());
    })
    .AddJsonOptions(options => options.JsonSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
// Vietnamese letters are written as themselves, not as numeric entities.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

builder.WebHost.ConfigureKestrel(options =>
{
    options.AddServerHeader = false;
    options.Limits.MaxRequestBodySize = RequestGuard.MaxBodyBytes;
});
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
builder.Services.AddOptions<Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionOptions>()
    .Configure<Microsoft.Extensions.Options.IOptions<SiteOptions>>((options, site) => options.HttpsPort = new Uri(site.Value.PublicUrl).Port);

var app = builder.Build();
IReadOnlyList<string> migrated;
try
{
    migrated = await Startup.PrepareDatabaseAsync(app.Services, loadDemo: !Commands.IsMigrate(args));
}
catch (DatabaseLocationException e)
{
    app.Logger.LogCritical("{Message}", e.Message);
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

if (Commands.IsMigrate(args))
{
    Console.WriteLine(migrated.Count == 0
        ? "Cơ sở dữ liệu đã ở phiên bản mới nhất; không có gì để áp dụng."
        : $"Đã áp dụng {migrated.Count} tập lệnh: {string.Join(", ", migrated.Select(Path.GetFileName))}.");
    await app.DisposeAsync();
    return 0;
}

if (Commands.IsCommand(args))
{
    var exitCode = await Commands.RunAsync(app.Services, args, Console.Out);
    await app.DisposeAsync();
    return exitCode;
}

app.Use((context, next) =>
{
    // No page runs script; user text can never become one. Files are served as what they were checked to be.
    context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    context.Response.Headers.XContentTypeOptions = "nosniff";
    context.Response.Headers["Referrer-Policy"] = "same-origin";
    context.Response.Headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
    return next();
});
var site = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value;
var storage = app.Services.GetRequiredService<StorageProvider>();
if (site.TrustedProxies.Count > 0)
{
    // Behind a reverse proxy: believe its X-Forwarded-* headers, and only its.
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    foreach (var proxy in site.TrustedProxies)
    {
        forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
    app.UseForwardedHeaders(forwarded);
}
if (site.PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
{
    // Served over HTTPS: browsers must never fall back to plain HTTP.
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    // Another writer held the database longer than a request waits, or the server is restarting: "try again", not "broken".
    StatusCodeSelector = e => storage.IsUnavailable(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseMiddleware<RequestGuard>();
app.Use((context, next) =>
{
    // HEAD is GET without the body (the server drops it): monitors and link checkers use it on every page.
    if (HttpMethods.IsHead(context.Request.Method))
    {
        context.Request.Method = HttpMethods.Get;
    }
    return next();
});
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapControllers();
app.MapOpenApi("/openapi/{documentName}.json");
await app.RunAsync();
return 0;

public partial class Program;

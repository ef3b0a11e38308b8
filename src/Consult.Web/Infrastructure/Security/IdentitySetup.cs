using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Infrastructure.Security;

public static class IdentitySetup
{
    /// <summary>Agency staff, reviewers and administrators: who may open the workspace.</summary>
    public const string WorkspacePolicy = "workspace";
    public const string AdminPolicy = "admin";
    public const string AuditPolicy = "audit";

    public static IServiceCollection AddConsultIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName("Consult");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<TimeProvider, StorageProvider>((options, clock, storage) => options.XmlRepository = new DatabaseKeyRepository(storage, clock));
        // With a certificate configured, the keys that sign cookies and reset links are encrypted at rest.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            keys.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddUserStore<UserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<ClaimsFactory>();
        // Every request checks the cookie's security stamp (one indexed read): a changed role, agency or password,
        // and signing out, take effect at once for every copy of the cookie.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
        {
            options.Cookie.Name = "consult.auth";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = AccountLinks.Login();
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                return Task.CompletedTask;
            };
        }));
        services.AddAuthorization(options =>
        {
            options.AddPolicy(WorkspacePolicy, policy => policy.RequireAssertion(context =>
                (context.User.HasClaim(c => c.Type == CurrentUser.AgencyClaim) && (context.User.IsInRole(Roles.Editor) || context.User.IsInRole(Roles.Lead)))
                || context.User.IsInRole(Roles.Reviewer) || context.User.IsInRole(Roles.Admin)));
            options.AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
            options.AddPolicy(AuditPolicy, policy => policy.RequireRole(Roles.Reviewer, Roles.Admin));
        });

        var email = configuration.GetSection("Email");
        services.Configure<EmailOptions>(email);
        if (string.IsNullOrEmpty(email["SmtpHost"]))
        {
            services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.Configure<RateLimitOptions>(configuration.GetSection("RateLimits"));
        return services;
    }
}

using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;

namespace Consult.Web.Infrastructure;

public static class ServiceSetup
{
    /// <summary>Everything but the web pipeline: storage, search, handlers. The benchmarks compose the same.</summary>
    public static IServiceCollection AddConsultCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.Configure<SiteOptions>(configuration.GetSection("Site"));
        services.AddSingleton<SiteLinks>();
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.Configure<Features.Plans.PlanOptions>(configuration.GetSection("Plans"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => StorageProvider.For(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value));
        services.AddScoped<Db>();
        services.Configure<SearchOptions>(configuration.GetSection("Search"));
        services.Configure<Features.Import.ImportOptions>(configuration.GetSection("Import"));
        services.AddSingleton<RegistryFacts>();
        services.AddSingleton<SearchIndex>();
        services.AddScoped<SearchEngine>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        services.AddTransient<RegulationWriter>();
        services.AddScoped<RegulationReader>();
        services.AddScoped<RegistryFigures>();
        services.AddSingleton<RegistryFiguresCache>();
        services.AddScoped<Features.Workspace.PendingImports>();
        services.AddScoped<Features.Plans.PlanStore>();
        services.AddScoped<Features.Plans.CostEstimateStore>();
        services.Configure<Features.Consultations.ConsultationOptions>(configuration.GetSection("Consultations"));
        services.Configure<Features.Consultations.AlertOptions>(configuration.GetSection("Alerts"));
        services.AddScoped<Features.Consultations.ConsultationStore>();
        services.Configure<Features.Feedback.FeedbackOptions>(configuration.GetSection("Feedback"));
        services.Configure<Features.Health.HealthOptions>(configuration.GetSection("Health"));
        services.AddScoped<Features.Feedback.FeedbackStore>();
        services.AddScoped<Features.Feedback.FeedbackNotices>();
        services.AddScoped<Features.Consultations.Notifier>();
        services.AddScoped<Features.Applicable.ProfileAlerts>();
        services.AddScoped<IRegistryEvents>(sp => sp.GetRequiredService<Features.Consultations.Notifier>());
        services.AddScoped<Features.Consultations.DigestSender>();
        services.AddScoped<Features.Consultations.DigestRun>();
        services.AddScoped<Data.ScheduledRuns>();
        services.AddSingleton<Features.Consultations.AttachmentStore>();
        services.AddScoped<Features.EffortIndex.IndexCalculator>();
        services.AddScoped<Features.EffortIndex.IndexService>();
        services.AddSingleton<Features.EffortIndex.IndexCache>();
        services.AddSingleton<Features.EffortIndex.VersionFacts>();
        services.AddHostedService<Features.EffortIndex.VersionFactsWarmup>();
        services.AddMediator();
        return services;
    }
}

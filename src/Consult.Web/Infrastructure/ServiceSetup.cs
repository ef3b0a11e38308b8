using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Search;

namespace Consult.Web.Infrastructure;

public static class ServiceSetup
{
    /// <summary>Everything but the web pipeline: storage, search, handlers. The benchmarks compose the same.</summary>
    public static IServiceCollection AddConsultCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Db>();
        services.AddSingleton<RegistryFacts>();
        services.AddScoped<SearchEngine>();
        services.AddMediator();
        return services;
    }
}

using MediatR;

namespace Consult.Web.Infrastructure.Mediator;

/// <summary>A request that writes: it runs inside one database transaction, after its permission is checked.</summary>
public interface ICommand
{
    Permission Permission { get; }
}

public static class MediatorSetup
{
    public static IServiceCollection AddMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();
        var types = typeof(MediatorSetup).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(contract, type);
            }
        }
        // The first registered runs outermost: the connection opens first, then permissions are checked inside the
        // transaction, against what it will change.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ConnectionBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        services.AddScoped<PermissionCheck>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        return services;
    }
}

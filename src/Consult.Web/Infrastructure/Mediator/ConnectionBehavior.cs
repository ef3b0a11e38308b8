using Consult.Web.Infrastructure.Data;
using MediatR;

namespace Consult.Web.Infrastructure.Mediator;

/// <summary>Every request opens its scope's connection asynchronously, so a wait for the server holds no thread.</summary>
public sealed class ConnectionBehavior<TRequest, TResponse>(Db db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await db.OpenAsync(cancellationToken);
        return await next();
    }
}

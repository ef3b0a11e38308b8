using Consult.Web.Infrastructure.Data;
using MediatR;

namespace Consult.Web.Infrastructure.Mediator;

/// <summary>Every command commits whole or not at all.</summary>
public sealed class TransactionBehavior<TRequest, TResponse>(Db db) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        db.InTransactionAsync(() => next());
}

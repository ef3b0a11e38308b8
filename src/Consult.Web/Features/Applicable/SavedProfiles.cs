using Consult.Domain.Applicability;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Applicable;

/// <summary>A signed-in user's business profiles, kept to be told when a regulation that applies to one changes.</summary>
public static class SavedProfiles
{
    public sealed record Profile(long Id, string Name, string Query);

    public sealed record Mine : IRequest<IReadOnlyList<Profile>>;

    public sealed record Save : IRequest<string>, ICommand
    {
        public string? Name { get; init; }
        public List<string> Lines { get; init; } = [];
        public string? Form { get; init; }
        public string? Size { get; init; }
        public string? Province { get; init; }

        public Permission Permission => Permission.SignedIn;
    }

    public sealed record Remove(long Id) : IRequest<Unit>, ICommand
    {
        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IMediator mediator)
        : IRequestHandler<Mine, IReadOnlyList<Profile>>, IRequestHandler<Save, string>, IRequestHandler<Remove, Unit>
    {
        private const int MaxPerUser = 20;

        public async Task<IReadOnlyList<Profile>> Handle(Mine request, CancellationToken cancellationToken) => !user.IsSignedIn ? [] :
            (await db.Connection.QueryAsync<Profile>(db.Command("select id, name, query from business_profile where user_id = @Id order by id", new { user.Id }, cancellationToken))).ToList();

        public async Task<string> Handle(Save request, CancellationToken cancellationToken)
        {
            var lists = await mediator.Send(new BusinessReference.Query(), cancellationToken);
            var (profile, errors) = ProfileQuery.Read(new ApplicableRegulations.Query { Lines = request.Lines, Form = request.Form, Size = request.Size, Province = request.Province }, lists);
            var name = request.Name?.Trim() ?? "";
            if (profile is null)
            {
                throw new UserInputException(errors.Select(e => ("", e)).ToList());
            }
            if (name.Length is 0 or > 100)
            {
                throw new UserInputException("", "Đặt tên cho hồ sơ (tối đa 100 ký tự), ví dụ \"Cửa hàng bán buôn đồ uống\".");
            }
            if (await db.Connection.ExecuteScalarAsync<int>(db.Command("select count(*) from business_profile where user_id = @Id", new { user.Id }, cancellationToken)) >= MaxPerUser)
            {
                throw new UserInputException("", $"Mỗi tài khoản lưu tối đa {MaxPerUser} hồ sơ; hãy xóa bớt ở trang tài khoản.");
            }
            var query = ProfileQuery.ToQueryString(profile);
            await db.Connection.ExecuteAsync(db.Command(
                "insert into business_profile (user_id, name, query, created_at) values (@Id, @name, @query, @now)",
                new { user.Id, name, query, now = clock.GetUtcNow() }, cancellationToken));
            return query;
        }

        public async Task<Unit> Handle(Remove request, CancellationToken cancellationToken)
        {
            // Only one's own: the user's id is part of what is deleted.
            await db.Connection.ExecuteAsync(db.Command("delete from business_profile where id = @Id and user_id = @userId", new { request.Id, userId = user.Id }, cancellationToken));
            return Unit.Value;
        }
    }
}

/// <summary>
/// Tells the owners of saved profiles when a regulation that applies to them is published, changed or opened for
/// comment: in-site notifications, which the digest mails.
/// </summary>
public sealed class ProfileAlerts(Db db, TimeProvider clock)
{
    // Read once per scope: an import tells the owners about each of its rows, and would otherwise read every saved
    // profile and the VSIC sections again for each one.
    private List<(long UserId, string Name, BusinessProfile Profile)>? _profiles;
    private Dictionary<string, string>? _sections;

    /// <summary>One notification per owner whose saved profile one of these regulations in force applies to.</summary>
    public async Task NotifyAsync(IReadOnlyCollection<long> regulationIds, string text, string url, CancellationToken cancellationToken)
    {
        var profiles = _profiles ??= (await db.Connection.QueryAsync<(long UserId, string Name, string Query)>(db.Command("select user_id, name, query from business_profile", null, cancellationToken)))
            .Select(p => (p.UserId, p.Name, ProfileQuery.FromStored(p.Query))).ToList();
        if (profiles.Count == 0 || regulationIds.Count == 0)
        {
            return;
        }
        var tags = await db.Connection.QueryAsync<(long RegulationId, string Dimension, string Value)>(db.Command(
            $"""
            select r.id, t.dimension, t.value from regulation r left join regulation_applies t on t.regulation_id = r.id
            where r.id {db.Storage.In("@regulationIds")} and r.status = 'in_force'
            """, new { regulationIds = regulationIds.ToArray() }, cancellationToken));
        var applies = tags.GroupBy(t => t.RegulationId)
            .Select(g => ApplicabilityTags.FromStored(g.Where(t => t.Dimension is not null).Select(t => (t.Dimension, t.Value)), null)).ToList();
        var sections = _sections ??= (await db.Connection.QueryAsync<(string Code, string Parent)>(db.Command("select code, parent_code from vsic_line where length(code) = 2", null, cancellationToken)))
            .ToDictionary(d => d.Code, d => d.Parent);
        var owners = profiles
            .Where(p => applies.Any(a => a.AppliesTo(p.Profile, sections.GetValueOrDefault)))
            .DistinctBy(p => p.UserId);
        await db.Connection.ExecuteAsync(db.Command("insert into notification (user_id, created_at, text, url) values (@UserId, @now, @text, @url)",
            owners.Select(o => new { o.UserId, now = clock.GetUtcNow(), text = $"{text} (áp dụng cho hồ sơ \"{o.Name}\")", url }), cancellationToken));
    }
}

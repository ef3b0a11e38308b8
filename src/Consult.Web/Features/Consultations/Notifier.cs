using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>Writes in-site notifications for the people who follow what changed; the daily digest mails them.</summary>
public sealed class Notifier(Db db, TimeProvider clock, Applicable.ProfileAlerts profiles) : IRegistryEvents
{
    /// <summary>A notification for everyone whose follow (<c>follow f</c>) matches the condition.</summary>
    public Task NotifyFollowersAsync(string where, object parameters, string text, string url, CancellationToken cancellationToken)
    {
        var all = new DynamicParameters(parameters);
        all.AddDynamicParams(new { now = clock.GetUtcNow(), text, url });
        return db.Connection.ExecuteAsync(db.Command(
            $"""
            insert into notification (user_id, created_at, text, url)
            select distinct f.user_id, @now, @text, @url from follow f where {where}
            """, all, cancellationToken));
    }

    public Task NotifyUserAsync(long userId, string text, string url, CancellationToken cancellationToken) =>
        db.Connection.ExecuteAsync(db.Command("insert into notification (user_id, created_at, text, url) values (@userId, @now, @text, @url)",
            new { userId, now = clock.GetUtcNow(), text, url }, cancellationToken));

    public async Task ConsultationOpenedAsync(long consultationId, CancellationToken cancellationToken)
    {
        var c = await db.Connection.QuerySingleAsync<(string Title, long AgencyId)>(
            db.Command("select title, agency_id from consultation where id = @consultationId", new { consultationId }, cancellationToken));
        await NotifyFollowersAsync(
            """
            (f.target = 'agency' and f.target_id = @AgencyId)
            or (f.target = 'regulation' and f.target_id in (select regulation_id from consultation_item where consultation_id = @consultationId))
            or (f.target = 'sector' and f.target_id in (select rs.sector_id from consultation_item i join regulation_sector rs on rs.regulation_id = i.regulation_id where i.consultation_id = @consultationId))
            """, new { c.AgencyId, consultationId }, $"Đang lấy ý kiến: {c.Title}", ConsultationLinks.Details(consultationId), cancellationToken);
        var regulations = (await db.Connection.QueryAsync<long>(db.Command(
            """
            select regulation_id from consultation where id = @consultationId and regulation_id is not null
            union select regulation_id from consultation_item where consultation_id = @consultationId and regulation_id is not null
            """, new { consultationId }, cancellationToken))).ToList();
        await profiles.NotifyAsync(regulations, $"Đang lấy ý kiến: {c.Title}", ConsultationLinks.Details(consultationId), cancellationToken);
    }

    public async Task AnswerPostedAsync(long commentId, CancellationToken cancellationToken)
    {
        var c = await db.Connection.QuerySingleAsync<(long ConsultationId, long UserId, string Title)>(db.Command(
            "select m.consultation_id, m.user_id, c.title from comment m join consultation c on c.id = m.consultation_id where m.id = @commentId", new { commentId }, cancellationToken));
        var url = ConsultationLinks.Comment(c.ConsultationId, commentId);
        await NotifyUserAsync(c.UserId, $"Cơ quan đã giải trình ý kiến của bạn: {c.Title}", url, cancellationToken);
        await NotifyFollowersAsync("f.target = 'consultation' and f.target_id = @ConsultationId and f.user_id <> @UserId",
            new { c.ConsultationId, c.UserId }, $"Có giải trình mới: {c.Title}", url, cancellationToken);
    }

    public async Task ChangedAsync(long regulationId, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        var r = await db.Connection.QuerySingleAsync<(string Code, string Title)>(
            db.Command("select code, title from regulation where id = @regulationId", new { regulationId }, cancellationToken));
        var text = $"Quy định thay đổi ({Regulations.RegulationSnapshot.JoinChanges(changes)}): {r.Code} – {r.Title}";
        var url = RegulationLinks.Details(r.Code, "history-heading");
        await NotifyFollowersAsync("f.target = 'regulation' and f.target_id = @regulationId", new { regulationId }, text, url, cancellationToken);
        await profiles.NotifyAsync([regulationId], text, url, cancellationToken);
    }

    public async Task PublishedAsync(long regulationId, CancellationToken cancellationToken)
    {
        var r = await db.Connection.QuerySingleAsync<(string Code, string Title, long AgencyId)>(
            db.Command("select code, title, agency_id from regulation where id = @regulationId", new { regulationId }, cancellationToken));
        await NotifyFollowersAsync(
            """
            (f.target = 'agency' and f.target_id = @AgencyId)
            or (f.target = 'regulation' and f.target_id = @regulationId)
            or (f.target = 'sector' and f.target_id in (select sector_id from regulation_sector where regulation_id = @regulationId))
            """, new { r.AgencyId, regulationId }, $"Quy định được công khai: {r.Code} – {r.Title}", RegulationLinks.Details(r.Code), cancellationToken);
        await profiles.NotifyAsync([regulationId], $"Quy định được công khai: {r.Code} – {r.Title}", RegulationLinks.Details(r.Code), cancellationToken);
    }
}

public sealed class AlertOptions
{
    /// <summary>How often the digest of notifications is mailed.</summary>
    public TimeSpan DigestEvery { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Mails each user the notifications they have not been mailed yet, in one message.</summary>
public sealed class DigestSender(Db db, IEmailSender email, TimeProvider clock)
{
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Connection.QueryAsync<(long Id, long UserId, string Email, string Name, string Text, string Url)>(db.Command(
            """
            select n.id, n.user_id, u.email, u.display_name, n.text, n.url
            from notification n join app_user u on u.id = n.user_id
            where n.emailed_at is null order by n.user_id, n.id
            """, null, cancellationToken))).ToList();
        foreach (var user in pending.GroupBy(p => (p.UserId, p.Email, p.Name)))
        {
            var lines = string.Join("\n", user.Select(n => $"- {n.Text}: {n.Url}"));
            await email.SendAsync(new EmailMessage(user.Key.Email, $"Cập nhật mới trên Cổng tham vấn ({user.Count()})",
                $"Chào {user.Key.Name},\n\nNhững nội dung bạn theo dõi có cập nhật mới:\n\n{lines}\n\nBạn có thể bỏ theo dõi tại trang tài khoản."), cancellationToken);
            await db.Connection.ExecuteAsync(db.Command($"update notification set emailed_at = @now where id {db.Storage.In("@ids")}",
                new { now = clock.GetUtcNow(), ids = user.Select(n => n.Id).ToArray() }, cancellationToken));
        }
        return pending.Select(p => p.UserId).Distinct().Count();
    }
}

/// <summary>One period's digest, sent by whichever node claims the period first.</summary>
public sealed class DigestRun(ScheduledRuns runs, DigestSender sender, IOptions<AlertOptions> options)
{
    /// <summary>The number of users mailed, or null when another node has this period's digest.</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken) =>
        await runs.ClaimAsync("digest", options.Value.DigestEvery, cancellationToken) ? await sender.SendAsync(cancellationToken) : null;
}

/// <summary>Sends the digest on a fixed period while the portal runs; on several nodes, once per period in all.</summary>
public sealed class DigestService(IServiceScopeFactory scopes, IOptions<AlertOptions> options, ILogger<DigestService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DigestEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                if (await scope.ServiceProvider.GetRequiredService<DigestRun>().RunAsync(stoppingToken) is { } users)
                {
                    log.LogInformation("Digest mailed to {Users} users", users);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The digest could not be sent; it will be tried again next period");
            }
        }
    }
}

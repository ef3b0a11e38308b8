using Consult.Web.Features.Consultations;
using Consult.Web.Features.Import;
using Consult.Web.Features.Plans;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure.Data;

public sealed class DemoOptions
{
    /// <summary>Load the demo registry, and demo accounts with a published password, into an empty database.
    /// On only where the README's first command runs (Development); elsewhere it must be set explicitly.</summary>
    public bool Seed { get; set; }
}

/// <summary>Brings the database to the current schema and reference data, and loads the demo once.</summary>
public static class Startup
{
    /// <summary>Migrates and loads reference data; loads the demo too unless <paramref name="loadDemo"/> is false (the migrate command).</summary>
    /// <returns>The schema scripts this start applied.</returns>
    public static async Task<IReadOnlyList<string>> PrepareDatabaseAsync(IServiceProvider services, bool loadDemo = true)
    {
        DapperSetup.Configure();
        IReadOnlyList<string> applied;
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var storage = services.GetRequiredService<StorageProvider>();
        try
        {
            Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
            applied = await SchemaMigrator.MigrateAsync(storage, services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        }
        catch (Exception e) when (storage.IsUnreachable(e))
        {
            throw new DatabaseLocationException(storage, e);
        }

        DatabaseKeyRepository.ImportFolder(storage, Path.Combine(Path.GetFullPath(options.DataDirectory), "keys"),
            services.GetRequiredService<TimeProvider>());

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Startup));
        if (await ReferenceFiles.LoadChangedAsync(db, CancellationToken.None) is { Count: > 0 } loaded)
        {
            log.LogInformation("Reference lists loaded: {Lists}.", string.Join(", ", loaded));
        }
        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Seed && services.GetService<IHostEnvironment>() is { } environment && !environment.IsDevelopment())
        {
            log.LogWarning(
                "Demo:Seed is on in {Environment}: the demo accounts have a published password. Turn it off for a real portal.", environment.EnvironmentName);
        }
        if (loadDemo && demo.Seed && await db.Connection.ExecuteScalarAsync<long>("select count(*) from regulation") == 0)
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            // One transaction: a start interrupted half-way leaves an empty database, seeded in full next time.
            // Every part uses this scope's Db, so their own transactions join this one.
            await db.InTransactionAsync(async () =>
            {
                await LoadDemoAsync(mediator, services.GetRequiredService<IOptions<ImportOptions>>().Value);
                var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                await DemoAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db, clock);
                await DemoPlans.LoadAsync(db, clock);
                await DemoConsultations.LoadAsync(mediator, db, clock);
                await DemoConsultations.LoadPastYearsAsync(mediator, db);
                await ReorganiseAsTheReferenceSaysAsync(mediator, db);
                await DemoConsultations.LoadSinceReorganisationAsync(mediator, db, clock);
                await Features.Feedback.DemoFeedback.LoadAsync(db, clock);
                await DemoHistory.SpreadAsync(db);
                await DemoPlans.ExecuteAsync(mediator, db);
                await DemoHistory.MarkIllustrativeNumbersAsync(db);
                await mediator.Send(new Features.EffortIndex.PublishPeriod.Command("2025"));
                return true;
            });
        }
        return applied;
    }

    /// <summary>
    /// The demo's records were written for the ministries before 1 March 2025; moving them as an administrator would
    /// makes the demo show today's government, with the old ministries kept in the history.
    /// </summary>
    private static async Task ReorganiseAsTheReferenceSaysAsync(IMediator mediator, Db db)
    {
        var merged = await db.Connection.QueryAsync<(string Code, string Successor, string LastDay)>(
            "select a.code, s.code, a.valid_to from agency a join agency s on s.id = a.successor_id order by a.code", transaction: db.Transaction);
        foreach (var (code, successor, lastDay) in merged)
        {
            var on = DateOnly.ParseExact(lastDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
            await mediator.Send(new Features.Admin.ReorganiseAgency.Command
            {
                Code = code, Successor = successor, EffectiveOn = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Confirm = true,
            });
        }
    }

    private static async Task LoadDemoAsync(IMediator mediator, ImportOptions limits)
    {
        // The finer business lines the demo's regulations are tagged with, added the way an administrator adds them.
        await mediator.Send(new Features.Applicable.ImportLines.Command(SchemaMigrator.EmbeddedStream("db/demo/vsic_lines.csv")));
        var documents = await mediator.Send(new ImportLegalDocuments.Command(SchemaMigrator.EmbeddedStream("db/demo/legal_documents.csv")));
        var regulations = await ImportRegulations.FromCsvAsync(mediator, limits, SchemaMigrator.EmbeddedStream("db/demo/regulations.csv"), "demo");
        var planRegulations = await ImportRegulations.FromCsvAsync(mediator, limits, SchemaMigrator.EmbeddedStream("db/demo/plan_regulations.csv"), "demo");
        if (!documents.Succeeded || !regulations.Succeeded || !planRegulations.Succeeded)
        {
            throw new InvalidOperationException("Demo data is invalid: " + string.Join(" ", documents.Errors.Concat(regulations.Errors).Concat(planRegulations.Errors)));
        }
    }
}

/// <summary>The database cannot be opened where the settings point: says where and what to do, instead of the engine's bare message.</summary>
public sealed class DatabaseLocationException(StorageProvider storage, Exception cause) : Exception(
    $"Không mở được cơ sở dữ liệu {storage.Location} ({cause.Message}). " + (storage is SqliteStorage
        ? $"Hãy tạo thư mục {Path.GetDirectoryName(storage.Location)} và cấp quyền ghi cho tài khoản chạy cổng, hoặc đặt "
          + "Storage:DataDirectory (biến môi trường Storage__DataDirectory) sang một thư mục ghi được."
        : "Hãy kiểm tra máy chủ PostgreSQL đang chạy và Storage:ConnectionString (máy chủ, cổng, cơ sở dữ liệu, tài khoản)."), cause);

using System.Globalization;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.Calendar;

/// <summary>The working calendar kept in the database, and its reference years.</summary>
public static class WorkingCalendars
{
    public const string ReferenceFile = "db/reference/calendar.csv";

    public static async Task<WorkingCalendar> LoadAsync(Db db, CancellationToken cancellationToken)
    {
        var days = (await db.Connection.QueryAsync<(string Day, string Kind)>(db.Command("select day, kind from calendar_day", null, cancellationToken)))
            .Select(d => (Day: DateOnly.ParseExact(d.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.Kind)).ToList();
        return new WorkingCalendar(
            days.Where(d => d.Kind == "off").Select(d => d.Day).ToHashSet(),
            days.Where(d => d.Kind == "worked").Select(d => d.Day).ToHashSet());
    }

    /// <summary>
    /// Adds the reference file's years that the database does not have yet. A year already there is left as the
    /// administrators keep it, so their corrections and removals survive restarts and a newly shipped year arrives.
    /// </summary>
    public static async Task SeedAsync(Db db, CancellationToken cancellationToken)
    {
        var (table, error) = CsvTable.Read(SchemaMigrator.EmbeddedStream(ReferenceFile));
        var days = table?.Rows.Select(r => new
        {
            day = table.Cell(r.Fields, "day") ?? "",
            kind = table.Cell(r.Fields, "kind"),
            name = table.Cell(r.Fields, "name"),
            source = table.Cell(r.Fields, "source"),
        }).ToList() ?? throw new InvalidOperationException(error);
        var known = (await db.Connection.QueryAsync<string>(db.Command("select distinct substr(day, 1, 4) from calendar_day", null, cancellationToken))).ToHashSet();
        await db.Connection.ExecuteAsync(db.Command(
            "insert into calendar_day (day, kind, name, source) values (@day, @kind, @name, @source)",
            days.Where(d => !known.Contains(d.day[..4])), cancellationToken));
    }
}

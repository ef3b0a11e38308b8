using Consult.IntegrationTests.Support;
using Consult.Web.Features.Applicable;
using Dapper;

namespace Consult.IntegrationTests.Infrastructure.Data;

/// <summary>The shipped reference lists are loaded when the database holds another version of them, and only then.</summary>
public class ReferenceFilesTests
{
    /// <summary>Hanoi's name as the database holds it after a restart, once it was changed in the database by hand.</summary>
    private static async Task<string> HanoiAfterRestartAsync(string? heldVersionOfTheList)
    {
        var app = new ConsultApp();
        using (var connection = Database.Open(app))
        {
            await connection.ExecuteAsync("update province set name = 'Hà Nội' where code = '01'");
            if (heldVersionOfTheList is not null)
            {
                await connection.ExecuteAsync("update reference_file set fingerprint = @heldVersionOfTheList where name = 'business'", new { heldVersionOfTheList });
            }
        }
        app.Stop();
        using var again = ConsultApp.Over(app);
        return (await again.SendAsync(new BusinessReference.ProvinceQuery())).Single(p => p.Code == "01").Name;
    }

    [Fact]
    public async Task A_restart_of_the_same_portal_loads_no_list_again() =>
        Assert.Equal("Hà Nội", await HanoiAfterRestartAsync(heldVersionOfTheList: null));

    [Fact]
    public async Task A_database_holding_the_list_of_an_earlier_build_gets_the_shipped_one_at_start() =>
        Assert.Equal("Thành phố Hà Nội", await HanoiAfterRestartAsync(heldVersionOfTheList: "an earlier build"));

    [Fact]
    public async Task A_calendar_year_already_in_the_database_is_kept_as_administrators_left_it_when_the_shipped_calendar_loads()
    {
        var app = new ConsultApp();
        using (var connection = Database.Open(app))
        {
            await connection.ExecuteAsync("delete from calendar_day where day = '2026-02-16'");
            await connection.ExecuteAsync("update reference_file set fingerprint = 'an earlier build' where name = 'calendar'");
        }
        app.Stop();
        using var restarted = ConsultApp.Over(app);
        Assert.Equal(0, restarted.Scalar<int>("select count(*) from calendar_day where day = '2026-02-16'"));
        Assert.Equal(4, restarted.Scalar<int>("select count(*) from calendar_day where day like '2026-02-%'"));
        Assert.NotEqual("an earlier build", restarted.Scalar<string>("select fingerprint from reference_file where name = 'calendar'"));
    }
}

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
}

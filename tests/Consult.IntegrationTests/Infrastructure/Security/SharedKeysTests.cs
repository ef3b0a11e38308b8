using System.Net;
using Consult.IntegrationTests.Support;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Consult.Web.Infrastructure.Data;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Two nodes on one database sign with the same keys: a user signed in on one is signed in on the other.</summary>
public class SharedKeysTests
{
    [Fact]
    public async Task A_sign_in_cookie_from_one_node_is_honoured_by_the_other()
    {
        using var first = new ConsultApp();
        await first.CreateUserAsync("dn@example.vn");
        var browser = first.Browser();
        var login = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "dn@example.vn", ["Password"] = Accounts.Password });
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var second = ConsultApp.Over(first);
        second.Settings["Search:IndexDirectory"] = "index-node-2";
        try
        {
            var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var account = new HttpRequestMessage(HttpMethod.Get, "/account");
            account.Headers.Add("Cookie", cookies);
            var response = await client.SendAsync(account);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("dn@example.vn", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            second.Stop();
        }
    }

    [Fact]
    public async Task Keys_kept_in_the_data_folder_by_an_earlier_portal_move_into_the_database()
    {
        using var first = new ConsultApp();
        await first.GetPageAsync("/account/login");
        var key = first.Query<(string Name, string Xml)>("select name, xml from data_protection_key").Single();
        first.Stop();

        // The folder an earlier version kept, and a database that has never seen the key.
        var folder = Path.Combine(first.DataDirectory, "keys");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, key.Name + ".xml"), key.Xml);
        using (var storage = StorageProvider.For(first.Storage))
        using (var connection = storage.Open())
        {
            connection.Execute("delete from data_protection_key");
        }
        var again = ConsultApp.Over(first);
        try
        {
            Assert.Equal(key.Xml, again.Query<string>("select xml from data_protection_key where name = @name", new { name = key.Name }).Single());
        }
        finally
        {
            again.Dispose();
        }
    }
}

using System.Xml.Linq;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Consult.Web.Infrastructure.Security;

/// <summary>
/// Data-protection keys in the database, so a cookie or reset link made on one node is read on every other. A portal
/// that kept its keys in the data folder's <c>keys/</c> (before this) has them copied in once, so signed-in users stay signed in.
/// </summary>
public sealed class DatabaseKeyRepository(StorageProvider storage, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = storage.Open();
        return connection.Query<string>("select xml from data_protection_key order by created_at, name").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = storage.Open();
        connection.Execute("insert into data_protection_key (name, xml, created_at) values (@friendlyName, @xml, @now) on conflict (name) do nothing",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow() });
    }

    /// <summary>Copies the key files of an earlier portal's <c>keys/</c> folder that the database does not have yet.</summary>
    public static void ImportFolder(StorageProvider storage, string folder, TimeProvider clock)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        var repository = new DatabaseKeyRepository(storage, clock);
        foreach (var file in Directory.GetFiles(folder, "*.xml"))
        {
            repository.StoreElement(XElement.Load(file), Path.GetFileNameWithoutExtension(file));
        }
    }
}

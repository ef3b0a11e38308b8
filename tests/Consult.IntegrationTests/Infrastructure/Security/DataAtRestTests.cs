using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 13: keys encrypted at rest with a configured certificate; reset mails in the pickup folder expire.</summary>
public class DataAtRestTests
{
    [Fact]
    public async Task With_a_certificate_the_data_protection_keys_are_encrypted_at_rest()
    {
        var pfx = Path.GetTempFileName();
        try
        {
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=consult-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "mat-khau"));
            }
            using var app = new ConsultApp { Settings = { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "mat-khau" } };
            await app.GetPageAsync("/account/login"); // the form's antiforgery token creates the key ring
            var key = app.Query<string>("select xml from data_protection_key").Single();
            Assert.Contains("encryptedSecret", key);
            Assert.DoesNotContain("<masterKey", key);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_reset_mail_older_than_its_token_is_removed_from_the_pickup_folder()
    {
        using var app = new ConsultApp();
        await app.CreateUserAsync("quen@example.vn");
        var folder = Path.Combine(app.DataDirectory, "mail");
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, "cu.eml");
        await File.WriteAllTextAsync(stale, "liên kết đặt lại mật khẩu cũ");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-2));

        await app.Browser().PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = "quen@example.vn" });

        Assert.False(File.Exists(stale));
        Assert.Single(Directory.GetFiles(folder, "*.eml"));
    }
}

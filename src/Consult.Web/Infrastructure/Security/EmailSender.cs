using System.Net.Mail;
using Consult.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure.Security;

public sealed record EmailMessage(string To, string Subject, string Body);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class EmailOptions
{
    public string From { get; set; } = "khong-tra-loi@consult.local";
    /// <summary>When set, mail goes to this SMTP server; otherwise it is written to the pickup folder.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    /// <summary>Relative to the data directory unless absolute.</summary>
    public string PickupFolder { get; set; } = "mail";
}

/// <summary>
/// Writes each message as an .eml file into a folder, where a developer (or a test) reads it. Messages older than
/// a password-reset token's life are removed as new ones are written: a folder of live reset links must not pile up.
/// </summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> email, IOptions<StorageOptions> storage,
    IOptions<DataProtectionTokenProviderOptions> tokens, TimeProvider clock) : IEmailSender
{
    public string Folder => Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), email.Value.PickupFolder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Folder };
        Directory.CreateDirectory(Folder);
        var expired = clock.GetUtcNow().UtcDateTime - tokens.Value.TokenLifespan;
        foreach (var old in new DirectoryInfo(Folder).EnumerateFiles("*.eml").Where(f => f.LastWriteTimeUtc < expired))
        {
            old.Delete();
        }
        await client.SendMailAsync(Compose(email.Value, message), cancellationToken);
    }

    internal static MailMessage Compose(EmailOptions options, EmailMessage message) =>
        new(options.From, message.To, message.Subject, message.Body) { BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> email) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(email.Value.SmtpHost, email.Value.SmtpPort);
        await client.SendMailAsync(PickupFolderEmailSender.Compose(email.Value, message), cancellationToken);
    }
}

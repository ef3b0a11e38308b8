using System.Security.Cryptography;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>Attachments live in the attachment folder (in the data folder unless set), outside the web root, under names the portal chose.</summary>
public sealed class AttachmentStore(IOptions<StorageOptions> storage)
{
    private string Folder => storage.Value.AttachmentPath;

    public async Task<string> SaveAsync(Stream content, AttachmentType type, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + AttachmentCheck.Extension(type);
        await using var file = File.Create(Path.Combine(Folder, name));
        await content.CopyToAsync(file, cancellationToken);
        return name;
    }

    public Stream Open(string storedName) => File.OpenRead(Path.Combine(Folder, Path.GetFileName(storedName)));

    /// <summary>What an upload is by its content (PDF or DOCX, at most 10 MB), or a Vietnamese message about why it is refused.</summary>
    public static async Task<(AttachmentType? Type, string? Problem)> CheckAsync(IFormFile upload, string what = "Tệp đính kèm")
    {
        if (upload.Length > AttachmentCheck.MaxBytes)
        {
            return (null, $"{what} lớn hơn 10 MB.");
        }
        await using var probe = upload.OpenReadStream();
        return AttachmentCheck.Recognise(probe) is { } type
            ? (type, null)
            : (null, $"{what}: chỉ nhận tệp PDF hoặc DOCX (kiểm tra theo nội dung tệp, không theo tên).");
    }

    /// <summary>
    /// Checks an upload a form may leave empty: the file with its recognised type, or nothing; a refusal joins
    /// <paramref name="errors"/> under the form's field.
    /// </summary>
    public static async Task<(IFormFile Upload, AttachmentType Type)?> CheckOptionalAsync(IFormFile? upload, string field, List<(string, string)> errors)
    {
        if (upload is not { Length: > 0 })
        {
            return null;
        }
        var (type, problem) = await CheckAsync(upload);
        if (problem is not null)
        {
            errors.Add((field, problem));
        }
        return type is { } recognised ? (upload, recognised) : null;
    }

    /// <summary>Stores a checked upload and records it; the returned id serves it at <c>/attachments/{id}</c>.</summary>
    public async Task<long> KeepAsync(Db db, IFormFile upload, AttachmentType type, CancellationToken cancellationToken)
    {
        await using var content = upload.OpenReadStream();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        var stored = await SaveAsync(content, type, cancellationToken);
        var original = Path.GetFileName(upload.FileName);
        return await db.Connection.ExecuteScalarAsync<long>(db.Command(
            "insert into attachment (stored_name, original_name, content_type, size, sha256) values (@stored, @original, @contentType, @size, @hash) returning id",
            new { stored, original = original.Length > 200 ? original[..200] : original, contentType = AttachmentCheck.ContentType(type), size = upload.Length, hash }, cancellationToken));
    }
}

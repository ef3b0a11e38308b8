using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;

namespace Consult.Web.Infrastructure.Audit;

public sealed record AuditEntry(string Action, string Entity, string EntityKey, string Summary = "")
{
    public int? AgencyId { get; init; }
    public int? FromVersion { get; init; }
    public int? ToVersion { get; init; }
}

/// <summary>Appends to the audit trail in the command's transaction, so a write and its record stand or fall together.</summary>
public sealed class AuditLog(Db db, CurrentUser user, TimeProvider clock)
{
    public const string Regulation = "regulation";
    public const string LegalDocument = "legal_document";
    public const string Account = "account";
    public const string Agency = "agency";
    public const string Sector = "sector";

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        db.Connection.ExecuteAsync(db.Command(
            """
            insert into audit_event (at, user_id, actor, action, entity, entity_key, agency_id, from_version, to_version, summary)
            values (@at, @userId, @actor, @Action, @Entity, @EntityKey, @AgencyId, @FromVersion, @ToVersion, @Summary)
            """,
            new { at = clock.GetUtcNow(), userId = user.Id, actor = user.Name, entry.Action, entry.Entity, entry.EntityKey,
                entry.AgencyId, entry.FromVersion, entry.ToVersion, entry.Summary },
            cancellationToken));

    public static string ActionLabel(string action) => action switch
    {
        "create" => "Tạo mới",
        "update" => "Cập nhật",
        "publish" => "Công khai",
        "unpublish" => "Thôi công khai",
        "repeal" => "Bãi bỏ",
        "import" => "Nhập tệp",
        "register" => "Đăng ký",
        "password" => "Đổi mật khẩu",
        "reset-password" => "Đặt lại mật khẩu",
        "roles" => "Phân quyền",
        "lock" => "Khóa tài khoản",
        "unlock" => "Mở khóa tài khoản",
        "delete" => "Xóa",
        "reorganise" => "Hợp nhất, chia tách",
        "submit" => "Trình Thủ tướng Chính phủ",
        "return" => "Trả lại",
        "approve" => "Phê duyệt",
        "execute" => "Ghi nhận thực thi",
        "add-item" => "Thêm mục phương án",
        "update-item" => "Sửa mục phương án",
        "remove-item" => "Bỏ mục phương án",
        "open" => "Mở lấy ý kiến",
        "close" => "Kết thúc lấy ý kiến",
        "extend" => "Gia hạn lấy ý kiến",
        "comment" => "Góp ý",
        "answer" => "Giải trình",
        "rate" => "Đánh giá giải trình",
        "hide" => "Ẩn góp ý",
        "withdraw" => "Rút góp ý",
        "methodology" => "Phương pháp tính chỉ số",
        _ => action,
    };

    /// <summary>What kind of record an event is about, in words.</summary>
    public static string EntityLabel(string entity) => entity switch
    {
        Regulation => "Quy định",
        LegalDocument => "Văn bản",
        Account => "Tài khoản",
        Agency => "Cơ quan",
        Sector => "Lĩnh vực",
        "plan" => "Phương án",
        "consultation" => "Đợt lấy ý kiến",
        "comment" => "Góp ý",
        "cost" => "Chi phí tuân thủ",
        "calendar_day" => "Ngày nghỉ, làm bù",
        "hourly_income" => "Thu nhập bình quân một giờ",
        "methodology" => "Phương pháp tính chỉ số",
        "effort_index" => "Kỳ chỉ số",
        _ => entity,
    };
}

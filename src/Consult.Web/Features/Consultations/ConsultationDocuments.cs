using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>The papers published beside a consultation's draft, as public downloads.</summary>
public static class ConsultationDocuments
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["explanatory_report"] = "Tờ trình",
        ["impact_assessment"] = "Báo cáo đánh giá tác động (kèm ước tính chi phí tuân thủ)",
        ["comparison_table"] = "Bảng so sánh, thuyết minh",
    };

    public sealed record Document(string Kind, long AttachmentId, string OriginalName, long Size)
    {
        public string Label => Labels[Kind];
    }

    public sealed record Query(long ConsultationId) : IRequest<IReadOnlyList<Document>>;

    public sealed class Handler(Db db) : IRequestHandler<Query, IReadOnlyList<Document>>
    {
        public async Task<IReadOnlyList<Document>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Document>(db.Command(
                """
                select d.kind, d.attachment_id, t.original_name, t.size from consultation_document d join attachment t on t.id = d.attachment_id
                where d.consultation_id = @ConsultationId order by case d.kind when 'explanatory_report' then 1 when 'impact_assessment' then 2 else 3 end
                """, request, cancellationToken))).ToList();
    }
}

namespace Consult.Web.Features.ApiDocs;

public static class ApiDocsLinks
{
    public static string Index => "/api";

    public static string OpenApi => "/openapi/v1.json";
}

namespace Consult.Web.Features.About;

public static class AboutLinks
{
    public static string Privacy => "/about/privacy";

    public static string Terms => "/about/terms";

    public static string OpenData => "/about/open-data";
}

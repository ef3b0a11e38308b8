namespace Consult.Web.Features.Home;

public static class HomeLinks
{
    public static string Index => "/";
}

namespace Consult.Web.Features.Agencies;

public sealed record AgencyProfilePage(Agencies.AgencyDetails Details, bool Following);

namespace Consult.Web.Features.Admin;

/// <summary>An account's agency, roles and province, as the user and new-user forms show them (<c>_AccessFields.cshtml</c>).</summary>
public sealed record AccessFields(string? Agency, IReadOnlyList<string> Roles, string? Province);

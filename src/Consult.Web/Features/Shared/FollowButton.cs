namespace Consult.Web.Features.Shared;

/// <summary>The follow/unfollow button (<c>_FollowButton.cshtml</c>) for a regulation, an agency or a sector.</summary>
public sealed record FollowButton(string Target, long Id, bool Following, string What);

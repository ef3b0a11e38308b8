namespace Consult.Web.Features.Search;

/// <summary>The results, and whether the reader follows the one sector the search is filtered to.</summary>
public sealed record SearchPage(Search.Result Result, bool FollowingSector);

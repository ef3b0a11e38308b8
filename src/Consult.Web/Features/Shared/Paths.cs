using Microsoft.AspNetCore.WebUtilities;

namespace Consult.Web.Features.Shared;

/// <summary>The two pieces every feature's links are built from: an escaped path segment and a query string without empty values.</summary>
public static class Paths
{
    public static string Segment(string value) => Uri.EscapeDataString(value);

    public static string WithQuery(string path, params (string Key, string? Value)[] values) =>
        QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value)));

    /// <summary>Appends a query string already built by the page (a saved profile, a report's range).</summary>
    public static string WithQuery(string path, string? query) =>
        string.IsNullOrEmpty(query) ? path : path + "?" + query.TrimStart('?');

    public static string WithFragment(string path, string? fragment) =>
        string.IsNullOrEmpty(fragment) ? path : path + "#" + fragment;
}

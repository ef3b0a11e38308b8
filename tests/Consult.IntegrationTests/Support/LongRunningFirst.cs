using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Consult.IntegrationTests.Support.LongRunningFirst", "Consult.IntegrationTests")]

namespace Consult.IntegrationTests.Support;

/// <summary>A test class (or collection definition) that takes many seconds: a portal process, a large import, a crawl.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>
/// Starts the long-running collections first, so the short ones fill both cores at the end instead of one long test
/// running alone while the other core waits (the last 20 s of a pass on PostgreSQL were one portal process signing in).
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    // xunit names a class's own collection "Test collection for Namespace.Class".
    private const string ImplicitPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(IsLongRunning).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static bool IsLongRunning(ITestCollection collection)
    {
        var type = collection.CollectionDefinition?.ToRuntimeType()
            ?? (collection.DisplayName.StartsWith(ImplicitPrefix, StringComparison.Ordinal)
                ? typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[ImplicitPrefix.Length..])
                : null);
        return type?.IsDefined(typeof(LongRunningAttribute), inherit: false) == true;
    }
}

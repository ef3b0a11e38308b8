namespace Consult.IntegrationTests.Support;

/// <summary>
/// Waits for something a background task or another process does. It polls a condition rather than sleeping a set
/// time; the long bound only stops a test that would otherwise hang, it is not a speed target (those are benchmarks).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (!await condition())
        {
            if (bound.IsCancellationRequested)
            {
                Assert.Fail($"{what}: still not so after {Bound.TotalSeconds:N0} s");
            }
            await Task.Delay(10);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what) => HoldsAsync(() => Task.FromResult(condition()), what);
}
